/// Practice's pages and form actions.
enum PracticeURL: Hashable, Sendable {
    /// A graduate's mock interviews: open slots to book, their bookings, their scores over time.
    case mockInterviews
    /// A coach's slots: opening one, and what is booked.
    case mockSlots
    /// Remove an open slot nobody has booked.
    case removeSlot(id: String)
    /// Book a slot.
    case book(slotID: String)
    /// One booked mock interview: what was asked for, and the feedback (the rubric form, for its coach).
    case mockInterview(id: String)
    /// Cancel a booking.
    case cancelBooking(id: String)
    /// Fill the rubric of a mock interview.
    case rubric(bookingID: String)

    var path: String {
        switch self {
        case .mockInterviews: "/practice/mock-interviews"
        case .mockSlots: "/practice/mock-slots"
        case .removeSlot(let id): "/practice/mock-slots/\(id)/remove"
        case .book(let id): "/practice/mock-slots/\(id)/book"
        case .mockInterview(let id): "/practice/mock-interviews/\(id)"
        case .cancelBooking(let id): "/practice/mock-interviews/\(id)/cancel"
        case .rubric(let id): "/practice/mock-interviews/\(id)/rubric"
        }
    }
}
