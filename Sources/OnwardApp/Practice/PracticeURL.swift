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
    case leavePeerSession(id: String)
    case cancelPeerSession(id: String)
    /// A graduate's pairing: proposals to answer, their request or the form to ask, their pairings.
    case pairing
    /// Withdraw an open request to pair.
    case withdrawPairingRequest(id: String)
    /// A volunteer's availability, to post or change.
    case volunteer
    /// Stop volunteering.
    case stopVolunteering
    /// One pairing: who, when, answering, the link, the notes.
    case pairingSession(id: String)
    /// Accept or decline a proposed pairing.
    case answerPairing(id: String)
    /// Add the link to join an accepted pairing.
    case pairingLink(id: String)
    /// Note what you worked on in a pairing.
    case notePairing(id: String)
    /// A coach's list of the requests that found nobody for 48 hours.
    case unmatchedRequests
    /// A coach pairs one request by hand.
    case matchByHand(requestID: String)

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
        case .leavePeerSession(let id): "/practice/peer-sessions/\(id)/leave"
        case .cancelPeerSession(let id): "/practice/peer-sessions/\(id)/cancel"
        case .pairing: "/practice/pairing"
        case .withdrawPairingRequest(let id): "/practice/pairing/requests/\(id)/withdraw"
        case .volunteer: "/practice/pairing/volunteer"
        case .stopVolunteering: "/practice/pairing/volunteer/stop"
        case .pairingSession(let id): "/practice/pairings/\(id)"
        case .answerPairing(let id): "/practice/pairings/\(id)/answer"
        case .pairingLink(let id): "/practice/pairings/\(id)/link"
        case .notePairing(let id): "/practice/pairings/\(id)/note"
        case .unmatchedRequests: "/practice/pairing/unmatched"
        case .matchByHand(let id): "/practice/pairing/requests/\(id)/match"
        }
    }
}
