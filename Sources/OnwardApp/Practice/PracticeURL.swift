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
    /// The cohort's peer practice sessions coming up, and hosting one.
    case peerSessions
    /// One peer session: who comes, and what each practised.
    case peerSession(id: String)
    /// Take a place in a peer session.
    case joinPeerSession(id: String)
    /// Note what you practised in a peer session.
    case notePeerSession(id: String)

    var path: String {
        switch self {
        case .mockInterviews: "/practice/mock-interviews"
        case .mockSlots: "/practice/mock-slots"
        case .removeSlot(let id): "/practice/mock-slots/\(id)/remove"
        case .book(let id): "/practice/mock-slots/\(id)/book"
        case .mockInterview(let id): "/practice/mock-interviews/\(id)"
        case .cancelBooking(let id): "/practice/mock-interviews/\(id)/cancel"
        case .rubric(let id): "/practice/mock-interviews/\(id)/rubric"
        case .peerSessions: "/practice/peer-sessions"
        case .peerSession(let id): "/practice/peer-sessions/\(id)"
        case .joinPeerSession(let id): "/practice/peer-sessions/\(id)/join"
        case .notePeerSession(let id): "/practice/peer-sessions/\(id)/note"
        }
    }
}
