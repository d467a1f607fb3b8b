import Fluent
import Foundation
import OnwardCore

/// A morning peer practice session a graduate hosts: others join until it is full.
final class PeerSessionModel: Model, @unchecked Sendable {
    static let schema = "peer_sessions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "host_id") var host: UserModel
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "minutes") var minutes: Int
    @Field(key: "kind") var kind: PeerSessionKind
    /// The places, the host's included.
    @Field(key: "places") var places: Int
    @Field(key: "link") var link: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// When its host called it off; late when less than a day before it (`PeerSessionRules.isLate`).
    @OptionalField(key: "cancelled_at") var cancelledAt: Date?

    init() {}

    init(hostID: UUID, draft: PeerSessionDraft) {
        $host.id = hostID
        startsAt = draft.startsAt
        minutes = draft.minutes
        kind = draft.kind
        places = draft.places
        link = draft.link
    }

}

/// A place taken in a peer session (the host takes the first), and what its holder practised.
final class PeerSeatModel: Model, @unchecked Sendable {
    static let schema = "peer_seats"

    @ID(key: .id) var id: UUID?
    @Parent(key: "session_id") var session: PeerSessionModel
    @Parent(key: "user_id") var user: UserModel
    /// What they practised, noted after it started; empty until then.
    @Field(key: "note") var note: String
    @Field(key: "joined_at") var joinedAt: Date
    /// When they gave the place up (kept, so that a late one shows as late); nil while they have it.
    @OptionalField(key: "left_at") var leftAt: Date?

    init() {}

    init(sessionID: UUID, userID: UUID, at moment: Date) {
        $session.id = sessionID
        $user.id = userID
        note = ""
        joinedAt = moment
    }
}
