/// What Onward tells a person about without their checking the site: each kind is said in the
/// app (the header's count, the notifications page), and also by email when the person chose it.
public enum NotificationKind: String, CaseIterable, Codable, Sendable {
    case pairingProposed = "pairing_proposed"
    case reviewDone = "review_done"
    case requestReplied = "request_replied"
    case slotBooked = "slot_booked"
    case invitationAccepted = "invitation_accepted"
    case eventTomorrow = "event_tomorrow"
    case signalRaised = "signal_raised"
    /// Email only, each Monday: never a notification in the app.
    case weeklyDigest = "weekly_digest"

    /// As the settings list it.
    public var title: String {
        switch self {
        case .pairingProposed: "A pairing is proposed to you"
        case .reviewDone: "Your work is reviewed"
        case .requestReplied: "The careers team replies to your request"
        case .slotBooked: "A graduate books one of your mock interview slots"
        case .invitationAccepted: "Someone accepts an invitation you sent"
        case .eventTomorrow: "An event you are going to starts within a day"
        case .signalRaised: "A signal is raised for one of your graduates"
        case .weeklyDigest: "A digest of last week, each Monday morning (by email only)"
        }
    }

    /// Who can be told of it, so the settings offer a person only their own kinds.
    public func concerns(_ role: Role) -> Bool {
        switch self {
        case .pairingProposed, .reviewDone, .requestReplied, .eventTomorrow: role == .graduate
        case .slotBooked, .signalRaised: role == .coach
        case .weeklyDigest: role == .graduate || role == .coach
        case .invitationAccepted: role == .admin
        }
    }

    /// Also by email unless the person says otherwise: what asks them to act soon.
    public var emailedByDefault: Bool {
        switch self {
        case .pairingProposed, .reviewDone, .requestReplied, .slotBooked, .eventTomorrow, .weeklyDigest: true
        // A coach with thirty graduates sees signals on their dashboard; mail for each is noise
        // unless they ask for it.
        case .invitationAccepted, .signalRaised: false
        }
    }

    /// The kinds a person gets by email, from what they chose (nil: never chose, so the defaults).
    public static func emailed(chosen: Set<NotificationKind>?) -> Set<NotificationKind> {
        chosen ?? Set(allCases.filter(\.emailedByDefault))
    }

    /// The kinds kept as text: one key a line, in order; unknown keys (of a later version) dropped.
    public static func column(_ kinds: Set<NotificationKind>) -> String {
        allCases.filter(kinds.contains).map(\.rawValue).joined(separator: "\n")
    }

    public static func kinds(in column: String) -> Set<NotificationKind> {
        Set(column.split(separator: "\n").compactMap { NotificationKind(rawValue: String($0)) })
    }

    /// The longest a notification's text is kept: a sentence.
    public static let textLimit = 300
}
