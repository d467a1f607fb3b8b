import Fluent
import Foundation
import OnwardCore

/// A graduate's candidate profile for the partnerships team: shared only while `sharedAt` is set.
final class CandidateProfileModel: Model, @unchecked Sendable {
    static let schema = "candidate_profiles"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "headline") var headline: String
    /// YYYY-MM-DD; nil when they can start now.
    @OptionalField(key: "available_from") var availableFrom: String?
    /// When they turned sharing on; nil while it is off.
    @OptionalField(key: "shared_at") var sharedAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(userID: UUID) {
        $user.id = userID
        headline = ""
    }
}

/// A coach's technical recommendation of a graduate, for hiring partners: shared with the profile
/// only once the graduate has read the words as they stand.
final class TechnicalRecommendationModel: Model, @unchecked Sendable {
    static let schema = "technical_recommendations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "graduate_id") var graduate: UserModel
    @Parent(key: "coach_id") var coach: UserModel
    @Field(key: "text") var text: String
    @Field(key: "written_at") var writtenAt: Date
    /// When the graduate read this version; nil until they do (and again after the coach changes it).
    @OptionalField(key: "read_at") var readAt: Date?

    init() {}
}

/// A named shortlist the partnerships team made for a hiring partner; every partner works on them.
final class ShortlistModel: Model, @unchecked Sendable {
    static let schema = "shortlists"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "hiring_partner") var hiringPartner: String
    @Parent(key: "created_by") var createdBy: UserModel
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(draft: ShortlistDraft, by partnerID: UUID, at moment: Date) {
        name = draft.name
        hiringPartner = draft.hiringPartner
        $createdBy.id = partnerID
        createdAt = moment
    }
}

/// A shared candidate on a shortlist; a graduate who stops sharing leaves every shortlist.
final class ShortlistEntryModel: Model, @unchecked Sendable {
    static let schema = "shortlist_entries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "shortlist_id") var shortlist: ShortlistModel
    @Parent(key: "graduate_id") var graduate: UserModel
    @Field(key: "added_at") var addedAt: Date

    init() {}

    init(shortlistID: UUID, graduateID: UUID, at moment: Date) {
        $shortlist.id = shortlistID
        $graduate.id = graduateID
        addedAt = moment
    }
}
