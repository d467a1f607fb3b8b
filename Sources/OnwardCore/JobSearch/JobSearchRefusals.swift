/// The job search's refusals that are not a field's rule.
extension Refusal {
    /// Two moves of one application at once: the one that came second changes nothing.
    public static let movedMeanwhile = Refusal.conflict(
        "This application was moved by another request just now, so this move was not made. Reload it to see where it stands, and try again.",
        field: "stage")
}
