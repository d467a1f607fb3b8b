import Fluent
import Foundation
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// Walks every route of the app for every kind of visitor and checks the answer. A route that is
/// registered but missing from the table fails the test, so new routes must be added here.
extension AppTests {
    @Suite struct AuthorizationTests {
        enum Actor: String, CaseIterable {
            case anonymous, graduate, otherGraduate, coach, unassignedCoach, partner, admin
        }

        struct Case {
            let method: HTTPMethod
            /// The route as registered (":id" for parameters).
            let route: String
            /// The path requested.
            let path: String
            let body: [String: String]
            let expected: [Actor: HTTPStatus]
        }

        /// Who gets what, in a line: `allowed` get `ok`; other signed-in people `denied`;
        /// someone not signed in `anonymous`.
        static func expect(_ allowed: Set<Actor>, _ ok: HTTPStatus, denied: HTTPStatus = .notFound, anonymous: HTTPStatus = .seeOther) -> [Actor: HTTPStatus] {
            var result: [Actor: HTTPStatus] = [:]
            for actor in Actor.allCases {
                result[actor] = actor == .anonymous ? anonymous : (allowed.contains(actor) ? ok : denied)
            }
            if allowed.contains(.anonymous) { result[.anonymous] = ok }
            return result
        }

        static let signedIn: Set<Actor> = [.graduate, .otherGraduate, .coach, .unassignedCoach, .partner, .admin]
        static let everyone: Set<Actor> = Set(Actor.allCases)

        struct Fixture {
            let world: World
            let invitationToken: String
            let graduateTokenID: String
            let assignmentID: String
            let applicationID: String
            let offerID: String
            let placedID: String
            let goalID: String
            let learningGoalID: String
            let milestoneID: String
            let programmeID: String
            let activityID: String
            let retrospectiveID: String
            /// A submission waiting for review, and one sent back for changes.
            let submissionID: String
            let sentBackID: String
            /// A request for a 1:1 in the help desk.
            let supportRequestID: String
            /// The graduate's active learning plan, and a recommendation from its first meeting.
            let planID: String
            let recommendationID: String
            /// An event for the graduates' cohort, held by the admin.
            let eventID: String
            /// The coach's slots: one open, one the graduate booked ahead, one they booked that has started.
            let openSlotID: String
            let bookingID: String
            let pastBookingID: String
            /// A peer session the graduate hosts for their cohort.
            let peerSessionID: String
            /// The graduate's open request to pair; the other graduate's, proposed to the graduate
            /// with the pairing; a volunteer's availability is the other graduate's too.
            let pairingRequestID: String
            let pairingID: String
            /// A request of another of the coach's graduates that found nobody for 50 hours.
            let unmatchedRequestID: String
            /// A volunteer (on languages) nobody is matched with.
            let volunteerID: String
            /// An interview (held yesterday, awaiting its result) and a contact under the application.
            let interviewID: String
            let contactID: String
            /// A side project of the graduate's.
            let projectID: String
            /// Technical feedback the graduate was given, and what they did about it.
            let feedbackKey: String
            let feedbackActionID: String
            /// The partners' shortlist, with the graduate (who shares their profile) on it.
            let shortlistID: String
            var graduateID: String { world.graduate.requireIDString }
            var cohortID: String { world.cohort.id!.uuidString }
        }

        static func webCases(_ f: Fixture) -> [Case] {
            let key = SiteURL.key(SiteURL.Parameter.id)
            func get(_ url: SiteURL, _ route: SiteURL? = nil, _ expected: [Actor: HTTPStatus]) -> Case {
                Case(method: .GET, route: (route ?? url).path, path: url.path, body: [:], expected: expected)
            }
            func post(_ url: SiteURL, _ route: SiteURL? = nil, _ body: [String: String] = [:], _ expected: [Actor: HTTPStatus]) -> Case {
                Case(method: .POST, route: (route ?? url).path, path: url.path, body: body, expected: expected)
            }
            let page = { (allowed: Set<Actor>) in expect(allowed, .ok) }
            let form = { (allowed: Set<Actor>, ok: HTTPStatus) in expect(allowed, ok, anonymous: .unauthorized) }
            var signedInHome = expect(signedIn, .seeOther)
            signedInHome[.anonymous] = .seeOther
            return [
                get(.home, nil, expect(everyone, .seeOther)),
                get(.healthz, nil, expect(everyone, .ok)),
                get(.readyz, nil, expect(everyone, .ok)),
                get(.accounts(.signIn), nil, expect([.anonymous], .ok, denied: .seeOther)),
                post(.accounts(.signIn), nil, ["email": "nobody@example.org", "password": "wrong password"], expect(everyone, .unauthorized)),
                post(.accounts(.signOut), nil, [:], expect(everyone, .seeOther)),
                // GitHub's webhook answers whoever signs with the secret, and nobody else: no cookie makes it sign.
                post(.evidence(.githubWebhook), nil, [:], expect(everyone, .unauthorized)),
                get(.accounts(.invitation(token: f.invitationToken)), .accounts(.invitation(token: SiteURL.key(SiteURL.Parameter.token))), expect(everyone, .ok)),
                post(.accounts(.invitation(token: f.invitationToken)), .accounts(.invitation(token: SiteURL.key(SiteURL.Parameter.token))), ["name": ""], expect(everyone, .unprocessableEntity)),
                get(.accounts(.profile), nil, page(signedIn)),
                post(.accounts(.profile), nil, ["name": ""], form(signedIn, .unprocessableEntity)),
                get(.accounts(.password), nil, page(signedIn)),
                post(.accounts(.password), nil, [:], form(signedIn, .unprocessableEntity)),
                get(.accounts(.tokens), nil, page(signedIn)),
                post(.accounts(.tokens), nil, [:], form(signedIn, .unprocessableEntity)),
                post(.accounts(.revokeToken(id: f.graduateTokenID)), .accounts(.revokeToken(id: key)), [:], form([.graduate], .seeOther)),
                get(.integrations(.calendar), nil, page(signedIn.subtracting([.partner]))),
                post(.integrations(.calendar), nil, [:], form(signedIn.subtracting([.partner]), .created)),
                post(.integrations(.stopCalendar), nil, [:], form(signedIn.subtracting([.partner]), .seeOther)),
                get(.integrations(.outbox), nil, page([.admin])),
                get(.integrations(.slack), nil, page([.admin])),
                post(.integrations(.saveSlack(cohortID: f.cohortID)), .integrations(.saveSlack(cohortID: key)), ["url": ""], form([.admin], .unprocessableEntity)),
                // A test post asks for an address first.
                post(.integrations(.testSlack(cohortID: f.cohortID)), .integrations(.testSlack(cohortID: key)), [:], form([.admin], .conflict)),
                post(.integrations(.removeSlack(cohortID: f.cohortID)), .integrations(.removeSlack(cohortID: key)), [:], form([.admin], .seeOther)),
                get(.integrations(.notifications), nil, page(signedIn)),
                post(.integrations(.readNotifications), nil, [:], form(signedIn, .seeOther)),
                get(.integrations(.notificationSettings), nil, page(signedIn)),
                post(.integrations(.notificationSettings), nil, [:], form(signedIn, .seeOther)),
                get(.outcomes(.reports), nil, page([.coach, .unassignedCoach, .admin])),
                // A coach reads the outcomes of the cohorts of the graduates they coach, and records theirs.
                get(.outcomes(.cohort(id: f.cohortID)), .outcomes(.cohort(id: key)), page([.coach, .admin])),
                get(.outcomes(.cohortCSV(id: f.cohortID)), .outcomes(.cohortCSV(id: key)), page([.coach, .admin])),
                get(.outcomes(.publishedCohort(id: f.cohortID)), .outcomes(.publishedCohort(id: key)), page([.coach, .admin])),
                get(.outcomes(.publishedCohortCSV(id: f.cohortID)), .outcomes(.publishedCohortCSV(id: key)), page([.coach, .admin])),
                get(.outcomes(.reportsCSV), nil, page([.coach, .unassignedCoach, .admin])),
                get(.outcomes(.published), nil, page([.coach, .unassignedCoach, .admin])),
                get(.outcomes(.publishedCSV), nil, page([.coach, .unassignedCoach, .admin])),
                get(.outcomes(.graduate(id: f.graduateID)), .outcomes(.graduate(id: key)), page([.coach, .admin])),
                // The first-day intent decides the in-field rate's denominator: an admin's to record.
                post(.outcomes(.enrolment(graduateID: f.graduateID)), .outcomes(.enrolment(graduateID: key)), [:], form([.admin], .unprocessableEntity)),
                post(.outcomes(.recordOutcome(graduateID: f.graduateID)), .outcomes(.recordOutcome(graduateID: key)), [:], form([.coach, .admin], .unprocessableEntity)),
                get(.integrations(.yourData), nil, page(signedIn)),
                get(.integrations(.exportData), nil, page(signedIn)),
                // Anyone deletes only their own account, and only with its email typed again.
                post(.integrations(.deleteAccount), nil, ["email": "not-theirs@example.org"], form(signedIn, .unprocessableEntity)),
                get(.integrations(.deletions), nil, page([.admin])),
                post(.integrations(.deletions), nil, ["email": "nobody@example.org"], form([.admin], .unprocessableEntity)),
                // A feed answers whoever holds its address, and nobody else: no cookie stands for the token.
                get(.integrations(.calendarFeed(token: String(repeating: "a", count: 43) + ".ics")), .integrations(.calendarFeed(token: SiteURL.key(SiteURL.Parameter.token))),
                    expect(everyone, .notFound)),
                get(.homes(.person(id: f.graduateID)), .homes(.person(id: key)), page([.graduate, .coach, .admin])),
                get(.homes(.graduate), nil, page([.graduate, .otherGraduate])),
                get(.homes(.coach), nil, page([.coach, .unassignedCoach])),
                get(.homes(.partner), nil, page([.partner])),
                get(.accounts(.overview), nil, page([.admin])),
                get(.accounts(.cohorts), nil, page([.admin])),
                post(.accounts(.cohorts), nil, ["name": ""], form([.admin], .unprocessableEntity)),
                get(.accounts(.cohort(id: f.cohortID)), .accounts(.cohort(id: key)), page([.admin])),
                get(.accounts(.invitations), nil, page([.admin])),
                post(.accounts(.invitations), nil, ["email": ""], form([.admin], .unprocessableEntity)),
                post(.accounts(.inviteList), nil, ["emails": ""], form([.admin], .unprocessableEntity)),
                post(.accounts(.cohortAssignments(id: f.cohortID)), .accounts(.cohortAssignments(id: key)), ["coach_id": ""], form([.admin], .unprocessableEntity)),
                get(.accounts(.people), nil, page([.admin])),
                post(.accounts(.assignments), nil, ["coach_id": f.world.unassignedCoach.requireIDString, "graduate_id": f.world.otherGraduate.requireIDString], form([.admin], .seeOther)),
                post(.accounts(.removeAssignment(id: f.assignmentID)), .accounts(.removeAssignment(id: key)), [:], form([.admin], .seeOther)),
                // Job search
                get(.jobSearch(.list), nil, page([.graduate, .otherGraduate])),
                get(.jobSearch(.board), nil, page([.graduate, .otherGraduate])),
                get(.jobSearch(.new), nil, page([.graduate, .otherGraduate])),
                post(.jobSearch(.list), nil, ["company": ""], form([.graduate, .otherGraduate], .unprocessableEntity)),
                get(.jobSearch(.application(id: f.applicationID)), .jobSearch(.application(id: key)), page([.graduate, .coach, .admin])),
                get(.jobSearch(.edit(id: f.applicationID)), .jobSearch(.edit(id: key)), page([.graduate])),
                post(.jobSearch(.edit(id: f.applicationID)), .jobSearch(.edit(id: key)), ["company": ""], form([.graduate], .unprocessableEntity)),
                post(.jobSearch(.move(id: f.applicationID)), .jobSearch(.move(id: key)), ["stage": "screening"], form([.graduate], .seeOther)),
                get(.jobSearch(.accept(id: f.offerID)), .jobSearch(.accept(id: key)), page([.graduate])),
                post(.jobSearch(.accept(id: f.offerID)), .jobSearch(.accept(id: key)), [:], form([.graduate], .unprocessableEntity)),
                post(.jobSearch(.addInterview(id: f.applicationID)), .jobSearch(.addInterview(id: key)), [:], form([.graduate], .unprocessableEntity)),
                post(.jobSearch(.addContact(id: f.applicationID)), .jobSearch(.addContact(id: key)), [:], form([.graduate], .unprocessableEntity)),
                post(.jobSearch(.delete(id: f.applicationID)), .jobSearch(.delete(id: key)), [:], form([.graduate], .seeOther)),
                get(.jobSearch(.editInterview(id: f.interviewID)), .jobSearch(.editInterview(id: key)), page([.graduate])),
                post(.jobSearch(.editInterview(id: f.interviewID)), .jobSearch(.editInterview(id: key)), ["kind": ""], form([.graduate], .unprocessableEntity)),
                post(.jobSearch(.interviewResult(id: f.interviewID)), .jobSearch(.interviewResult(id: key)), ["outcome": "passed"], form([.graduate], .seeOther)),
                post(.jobSearch(.deleteInterview(id: f.interviewID)), .jobSearch(.deleteInterview(id: key)), [:], form([.graduate], .seeOther)),
                get(.jobSearch(.editContact(id: f.contactID)), .jobSearch(.editContact(id: key)), page([.graduate])),
                post(.jobSearch(.editContact(id: f.contactID)), .jobSearch(.editContact(id: key)), ["contact_name": ""], form([.graduate], .unprocessableEntity)),
                post(.jobSearch(.deleteContact(id: f.contactID)), .jobSearch(.deleteContact(id: key)), [:], form([.graduate], .seeOther)),
                get(.evidence(.projects), nil, page([.graduate, .otherGraduate])),
                post(.evidence(.projects), nil, ["name": ""], form([.graduate, .otherGraduate], .unprocessableEntity)),
                get(.evidence(.project(id: f.projectID)), .evidence(.project(id: key)), page([.graduate])),
                post(.evidence(.project(id: f.projectID)), .evidence(.project(id: key)), ["name": ""], form([.graduate], .unprocessableEntity)),
                post(.evidence(.deleteProject(id: f.projectID)), .evidence(.deleteProject(id: key)), [:], form([.graduate], .seeOther)),
                get(.evidence(.signals), nil, page(signedIn)),
                get(.evidence(.feedback), nil, page([.graduate, .otherGraduate])),
                post(.evidence(.feedback), nil, ["feedback_key": f.feedbackKey], form([.graduate, .otherGraduate], .unprocessableEntity)),
                post(.evidence(.deleteFeedbackAction(id: f.feedbackActionID)), .evidence(.deleteFeedbackAction(id: key)), [:], form([.graduate], .seeOther)),
                get(.evidence(.candidateProfile), nil, page([.graduate, .otherGraduate])),
                post(.evidence(.candidateProfile), nil, ["headline": "Back-end developer"], form([.graduate, .otherGraduate], .seeOther)),
                post(.evidence(.shareProfile), nil, ["share": "yes"], form([.graduate, .otherGraduate], .seeOther)),
                // Only the graduate has a recommendation to read.
                post(.evidence(.readRecommendation), nil, [:], form([.graduate, .otherGraduate], .seeOther).merging([.otherGraduate: .notFound]) { $1 }),
                get(.evidence(.recommend(id: f.graduateID)), .evidence(.recommend(id: key)), page([.coach])),
                post(.evidence(.recommend(id: f.graduateID)), .evidence(.recommend(id: key)), ["text": ""], form([.coach], .unprocessableEntity)),
                get(.evidence(.candidates), nil, page([.partner])),
                get(.evidence(.candidate(id: f.graduateID)), .evidence(.candidate(id: key)), page([.partner])),
                get(.evidence(.shortlists), nil, page([.partner])),
                post(.evidence(.shortlists), nil, ["name": ""], form([.partner], .unprocessableEntity)),
                get(.evidence(.shortlist(id: f.shortlistID)), .evidence(.shortlist(id: key)), page([.partner])),
                get(.evidence(.shortlistCSV(id: f.shortlistID)), .evidence(.shortlistCSV(id: key)), page([.partner])),
                post(.evidence(.shortlistCandidates(id: f.shortlistID)), .evidence(.shortlistCandidates(id: key)), ["graduate_id": f.graduateID], form([.partner], .seeOther)),
                post(.evidence(.removeFromShortlist(id: f.shortlistID, graduate: f.graduateID)), .evidence(.removeFromShortlist(id: key, graduate: SiteURL.key(SiteURL.Parameter.graduate))),
                     [:], form([.partner], .seeOther)),
                post(.evidence(.deleteShortlist(id: f.shortlistID)), .evidence(.deleteShortlist(id: key)), [:], form([.partner], .seeOther)),
                get(.jobSearch(.personList(id: f.graduateID)), .jobSearch(.personList(id: key)), page([.coach, .admin])),
                get(.jobSearch(.personBoard(id: f.graduateID)), .jobSearch(.personBoard(id: key)), page([.coach, .admin])),
                post(.jobSearch(.correctPlacement(id: f.placedID)), .jobSearch(.correctPlacement(id: key)), [:], form([.coach, .admin], .unprocessableEntity)),
                get(.jobSearch(.importCSV), nil, page([.graduate, .otherGraduate])),
                post(.jobSearch(.importCSV), nil, ["csv": ""], form([.graduate, .otherGraduate], .unprocessableEntity)),
                post(.jobSearch(.confirmImport), nil, ["csv": ""], form([.graduate, .otherGraduate], .unprocessableEntity)),
                get(.jobSearch(.exportCSV), nil, page([.graduate, .otherGraduate])),
                // Programme
                get(.programme(.roadMap), nil, page([.graduate, .otherGraduate])),
                post(.programme(.mark), nil, ["activity": "apply", "mark": "skipped"], form([.graduate, .otherGraduate], .seeOther)),
                get(.programme(.standup), nil, page([.graduate, .otherGraduate])),
                post(.programme(.standup), nil, ["today": ""], form([.graduate, .otherGraduate], .unprocessableEntity)),
                get(.programme(.retrospective), nil, page([.graduate, .otherGraduate])),
                post(.programme(.retrospective), nil, ["week": "1"], form([.graduate, .otherGraduate], .unprocessableEntity)),
                get(.programme(.retrospectives), nil, page([.graduate, .otherGraduate])),
                get(.programme(.standupBoard(cohortID: f.cohortID)), .programme(.standupBoard(cohortID: key)), page([.graduate, .otherGraduate, .coach, .admin])),
                get(.programme(.goals), nil, page([.graduate, .otherGraduate])),
                post(.programme(.goals), nil, ["specific": ""], form([.graduate, .otherGraduate], .unprocessableEntity)),
                get(.programme(.goal(id: f.goalID)), .programme(.goal(id: key)), page([.graduate])),
                post(.programme(.goal(id: f.goalID)), .programme(.goal(id: key)), ["specific": ""], form([.graduate], .unprocessableEntity)),
                get(.programme(.informationalInterviews), nil, page([.graduate, .otherGraduate])),
                post(.programme(.informationalInterviews), nil, ["person": ""], form([.graduate, .otherGraduate], .unprocessableEntity)),
                get(.programme(.blogPosts), nil, page([.graduate, .otherGraduate])),
                post(.programme(.blogPosts), nil, ["title": ""], form([.graduate, .otherGraduate], .unprocessableEntity)),
                get(.programme(.learningGoals), nil, page([.graduate, .otherGraduate])),
                post(.programme(.learningGoals), nil, ["title": ""], form([.graduate, .otherGraduate], .unprocessableEntity)),
                get(.programme(.learningGoal(id: f.learningGoalID)), .programme(.learningGoal(id: key)), page([.graduate])),
                post(.programme(.addResource(goalID: f.learningGoalID)), .programme(.addResource(goalID: key)), ["kind": "book", "name": "SQL"], form([.graduate], .seeOther)),
                post(.programme(.addMilestone(goalID: f.learningGoalID)), .programme(.addMilestone(goalID: key)), ["title": ""], form([.graduate], .unprocessableEntity)),
                post(.programme(.setGoalActive(goalID: f.learningGoalID)), .programme(.setGoalActive(goalID: key)), ["active": "no"], form([.graduate], .seeOther)),
                post(.programme(.milestone(id: f.milestoneID)), .programme(.milestone(id: key)), ["done": "yes"], form([.graduate], .seeOther)),
                get(.programme(.graduate(id: f.graduateID)), .programme(.graduate(id: key)), page([.coach, .admin])),
                post(.programme(.comment(retrospectiveID: f.retrospectiveID)), .programme(.comment(retrospectiveID: key)), ["body": "Good week."], form([.coach, .admin], .seeOther)),
                post(.programme(.pause(graduateID: f.graduateID)), .programme(.pause(graduateID: key)), ["reason": "Ill for two weeks"], form([.admin], .seeOther)),
                post(.programme(.resume(graduateID: f.graduateID)), .programme(.resume(graduateID: key)), [:], form([.admin], .seeOther)),
                get(.programme(.cohorts), nil, page([.admin])),
                get(.programme(.programme(id: f.programmeID)), .programme(.programme(id: key)), page([.admin])),
                post(.programme(.addActivity(programmeID: f.programmeID)), .programme(.addActivity(programmeID: key)), ["title": ""], form([.admin], .unprocessableEntity)),
                post(.programme(.removeActivity(id: f.activityID)), .programme(.removeActivity(id: key)), [:], form([.admin], .seeOther)),
                get(.programme(.editActivity(id: f.activityID)), .programme(.editActivity(id: key)), page([.admin])),
                post(.programme(.editActivity(id: f.activityID)), .programme(.editActivity(id: key)), ["title": ""], form([.admin], .unprocessableEntity)),
                post(.programme(.renameProgramme(id: f.programmeID)), .programme(.renameProgramme(id: key)), ["name": "Spring programme"], form([.admin], .seeOther)),
                post(.programme(.giveDefault(cohortID: f.cohortID)), .programme(.giveDefault(cohortID: key)), [:], form([.admin], .seeOther)),
                // Coaching
                get(.coaching(.submissions), nil, page([.graduate, .otherGraduate])),
                post(.coaching(.submissions), nil, ["kind": ""], form([.graduate, .otherGraduate], .unprocessableEntity)),
                get(.coaching(.submission(id: f.submissionID)), .coaching(.submission(id: key)), page([.graduate, .coach, .admin])),
                post(.coaching(.resubmit(id: f.sentBackID)), .coaching(.resubmit(id: key)), ["title": ""], form([.graduate], .unprocessableEntity)),
                // An empty verdict: who may review is checked before the form is read.
                post(.coaching(.review(id: f.submissionID)), .coaching(.review(id: key)), ["verdict": ""], form([.coach, .admin], .unprocessableEntity)),
                get(.coaching(.reviews), nil, page([.coach, .unassignedCoach, .admin])),
                get(.coaching(.support), nil, page([.graduate, .otherGraduate])),
                post(.coaching(.support), nil, ["kind": "question", "subject": ""], form([.graduate, .otherGraduate], .unprocessableEntity)),
                get(.coaching(.supportRequest(id: f.supportRequestID)), .coaching(.supportRequest(id: key)), page([.graduate, .coach, .admin])),
                post(.coaching(.supportReply(id: f.supportRequestID)), .coaching(.supportReply(id: key)), ["body": ""], form([.graduate, .coach, .admin], .unprocessableEntity)),
                post(.coaching(.solve(id: f.supportRequestID)), .coaching(.solve(id: key)), [:], form([.graduate, .coach, .admin], .seeOther)),
                get(.coaching(.supportDesk), nil, page([.coach, .unassignedCoach, .admin])),
                get(.coaching(.plan), nil, page([.graduate, .otherGraduate])),
                post(.coaching(.plan), nil, ["focus_areas": ""], form([.graduate, .otherGraduate], .unprocessableEntity)),
                post(.coaching(.recommendation(id: f.recommendationID)), .coaching(.recommendation(id: key)), ["state": "doing"], form([.graduate], .seeOther)),
                get(.coaching(.plans), nil, page([.coach, .unassignedCoach])),
                post(.coaching(.plans), nil, ["graduate_id": ""], form([.coach, .unassignedCoach], .unprocessableEntity)),
                get(.coaching(.learningPlan(id: f.planID)), .coaching(.learningPlan(id: key)), page([.graduate, .coach])),
                post(.coaching(.meetings(planID: f.planID)), .coaching(.meetings(planID: key)), ["held_on": ""], form([.coach], .unprocessableEntity)),
                post(.coaching(.meetingPlace(planID: f.planID)), .coaching(.meetingPlace(planID: key)), ["meeting_time": "14:00"], form([.coach], .seeOther)),
                post(.coaching(.finishPlan(id: f.planID)), .coaching(.finishPlan(id: key)), [:], form([.coach], .seeOther)),
                get(.coaching(.dashboard), nil, page([.coach, .unassignedCoach, .admin])),
                get(.coaching(.events), nil, page([.graduate, .otherGraduate, .coach, .unassignedCoach, .admin])),
                post(.coaching(.events), nil, ["title": ""], form([.coach, .unassignedCoach, .admin], .unprocessableEntity)),
                get(.coaching(.event(id: f.eventID)), .coaching(.event(id: key)), page([.graduate, .otherGraduate, .coach, .unassignedCoach, .admin])),
                post(.coaching(.answerEvent(id: f.eventID)), .coaching(.answerEvent(id: key)), ["answer": "going"], form([.graduate, .otherGraduate], .seeOther)),
                // Held by the admin: a coach sees it but may not cancel it.
                post(.coaching(.cancelEvent(id: f.eventID)), .coaching(.cancelEvent(id: key)), [:],
                     form([.admin], .seeOther).merging([.coach: .forbidden, .unassignedCoach: .forbidden]) { $1 }),
                // Practice
                get(.practice(.mockInterviews), nil, page([.graduate, .otherGraduate])),
                get(.practice(.mockSlots), nil, page([.coach, .unassignedCoach])),
                post(.practice(.mockSlots), nil, ["day": ""], form([.coach, .unassignedCoach], .unprocessableEntity)),
                post(.practice(.removeSlot(id: f.openSlotID)), .practice(.removeSlot(id: key)), [:], form([.coach], .seeOther)),
                // The graduate books it; the other graduate, after, is told it was taken (a flash on the page).
                post(.practice(.book(slotID: f.openSlotID)), .practice(.book(slotID: key)), ["theme": "back_end", "practise": "SQL joins"],
                     form([.graduate, .otherGraduate], .seeOther)),
                get(.practice(.mockInterview(id: f.bookingID)), .practice(.mockInterview(id: key)), page([.graduate, .coach, .admin])),
                post(.practice(.cancelBooking(id: f.bookingID)), .practice(.cancelBooking(id: key)), [:], form([.graduate], .seeOther)),
                post(.practice(.rubric(bookingID: f.pastBookingID)), .practice(.rubric(bookingID: key)), ["strengths": ""], form([.coach], .unprocessableEntity)),
                get(.practice(.peerSessions), nil, page([.graduate, .otherGraduate])),
                post(.practice(.peerSessions), nil, ["kind": ""], form([.graduate, .otherGraduate], .unprocessableEntity)),
                // The graduate's coach reads the session the graduate hosts (what they practised), and joins nothing.
                get(.practice(.peerSession(id: f.peerSessionID)), .practice(.peerSession(id: key)), page([.graduate, .otherGraduate, .coach])),
                // The host has their place already (a flash says so); the other graduate of the cohort joins.
                post(.practice(.joinPeerSession(id: f.peerSessionID)), .practice(.joinPeerSession(id: key)), [:], form([.graduate, .otherGraduate], .seeOther)),
                // Before it starts nobody notes it (a flash says so).
                get(.practice(.pairing), nil, page([.graduate, .otherGraduate])),
                // Both have an open request: each is told so on the page.
                post(.practice(.pairing), nil, ["topic": ""], form([.graduate, .otherGraduate], .seeOther)),
                post(.practice(.withdrawPairingRequest(id: f.pairingRequestID)), .practice(.withdrawPairingRequest(id: key)), [:], form([.graduate], .seeOther)),
                get(.practice(.volunteer), nil, page([.graduate, .otherGraduate])),
                post(.practice(.volunteer), nil, ["topics": ""], form([.graduate, .otherGraduate], .unprocessableEntity)),
                // Nobody volunteers yet: each is told so on the page.
                post(.practice(.stopVolunteering), nil, [:], form([.graduate, .otherGraduate], .seeOther)),
                // The graduate's coach reads it too (`Access.canSeePairing`), and answers none of it.
                get(.practice(.pairingSession(id: f.pairingID)), .practice(.pairingSession(id: key)), page([.graduate, .otherGraduate, .coach, .admin])),
                post(.practice(.answerPairing(id: f.pairingID)), .practice(.answerPairing(id: key)), ["answer": "accept"],
                     form([.graduate, .otherGraduate], .seeOther).merging([.coach: .forbidden, .admin: .forbidden]) { $1 }),
                // Not accepted yet: the two are told so on the page.
                post(.practice(.pairingLink(id: f.pairingID)), .practice(.pairingLink(id: key)), ["link": "https://meet.example/k"],
                     form([.graduate, .otherGraduate], .seeOther).merging([.coach: .forbidden, .admin: .forbidden]) { $1 }),
                post(.practice(.notePairing(id: f.pairingID)), .practice(.notePairing(id: key)), ["note": "Kata"],
                     form([.graduate, .otherGraduate], .seeOther).merging([.coach: .forbidden, .admin: .forbidden]) { $1 }),
                get(.practice(.unmatchedRequests), nil, page([.coach, .unassignedCoach, .admin])),
                get(.practice(.matchByHand(requestID: f.unmatchedRequestID)), .practice(.matchByHand(requestID: key)), page([.coach, .admin])),
                post(.practice(.matchByHand(requestID: f.unmatchedRequestID)), .practice(.matchByHand(requestID: key)), ["partner": ""],
                     form([.coach, .admin], .unprocessableEntity)),
                post(.practice(.notePeerSession(id: f.peerSessionID)), .practice(.notePeerSession(id: key)), ["note": "STAR"], form([.graduate], .seeOther)
                     .merging([.otherGraduate: .forbidden]) { $1 }),
                // The host gives up no place (a 303 back with why); another graduate of the cohort has none to give up.
                post(.practice(.leavePeerSession(id: f.peerSessionID)), .practice(.leavePeerSession(id: key)), [:], form([.graduate, .otherGraduate], .seeOther)),
                post(.practice(.cancelPeerSession(id: f.peerSessionID)), .practice(.cancelPeerSession(id: key)), [:], form([.graduate], .seeOther)
                     .merging([.otherGraduate: .forbidden]) { $1 }),
            ]
        }

        static func apiCases(_ f: Fixture) -> [Case] {
            func api(_ method: HTTPMethod, _ route: String, _ path: String? = nil, _ body: String = "", _ expected: [Actor: HTTPStatus]) -> Case {
                Case(method: method, route: "/api/v1" + route, path: "/api/v1" + (path ?? route), body: body.isEmpty ? [:] : ["json": body], expected: expected)
            }
            let token = { (allowed: Set<Actor>, ok: HTTPStatus) in expect(allowed, ok, anonymous: .unauthorized) }
            let adminOnly = { (ok: HTTPStatus) in expect([.admin], ok, denied: .forbidden, anonymous: .unauthorized) }
            let graduates = { (ok: HTTPStatus) in expect([.graduate, .otherGraduate], ok, denied: .forbidden, anonymous: .unauthorized) }
            let partners = { (ok: HTTPStatus) in expect([.partner], ok, denied: .forbidden, anonymous: .unauthorized) }
            // The graduate's own record: another graduate is told it does not exist; other roles keep no such records.
            let ownOnly = { (ok: HTTPStatus) in
                expect([.graduate], ok, denied: .forbidden, anonymous: .unauthorized).merging([.otherGraduate: .notFound]) { $1 }
            }
            return [
                api(.GET, "/openapi.json", nil, "", expect(everyone, .ok)),
                api(.GET, "/me", nil, "", token(signedIn, .ok)),
                api(.PATCH, "/me", nil, "{}", token(signedIn, .ok)),
                api(.GET, "/people", nil, "", token(signedIn, .ok)),
                api(.GET, "/people/:id", "/people/\(f.graduateID)", "", token([.graduate, .coach, .admin], .ok)),
                api(.GET, "/cohorts", nil, "", token(signedIn, .ok)),
                api(.POST, "/cohorts", nil, #"{"name":"Spring 2027","course_end_date":"2027-03-19","time_zone":"Europe/London"}"#, adminOnly(.created)),
                api(.GET, "/invitations", nil, "", adminOnly(.ok)),
                api(.POST, "/invitations", nil, #"{"email":"newcomer@example.org","role":"coach"}"#, adminOnly(.created)),
                api(.GET, "/coach-assignments", nil, "", token(signedIn, .ok)),
                api(.POST, "/coach-assignments", nil, #"{"coach_id":"\#(f.world.unassignedCoach.requireIDString)","graduate_id":"\#(f.graduateID)"}"#, adminOnly(.created)),
                api(.DELETE, "/coach-assignments/:id", "/coach-assignments/\(f.assignmentID)", "", adminOnly(.noContent)),
                api(.GET, "/tokens", nil, "", token(signedIn, .ok)),
                api(.DELETE, "/tokens/:id", "/tokens/\(f.graduateTokenID)", "", token([.graduate], .noContent)),
                // Integrations: a partner has no calendar feed.
                api(.GET, "/calendar-feed", nil, "", expect(signedIn.subtracting([.partner]), .ok, denied: .forbidden, anonymous: .unauthorized)),
                api(.POST, "/calendar-feed", nil, "", expect(signedIn.subtracting([.partner]), .created, denied: .forbidden, anonymous: .unauthorized)),
                api(.DELETE, "/calendar-feed", nil, "", expect(signedIn.subtracting([.partner]), .noContent, denied: .forbidden, anonymous: .unauthorized)),
                api(.GET, "/notifications", nil, "", token(signedIn, .ok)),
                api(.GET, "/slack", nil, "", adminOnly(.ok)),
                api(.PUT, "/cohorts/:id/slack-webhook", "/cohorts/\(f.cohortID)/slack-webhook", #"{"url":""}"#, adminOnly(.unprocessableEntity)),
                api(.DELETE, "/cohorts/:id/slack-webhook", "/cohorts/\(f.cohortID)/slack-webhook", "", adminOnly(.noContent)),
                api(.POST, "/notifications/read", nil, "", token(signedIn, .noContent)),
                api(.GET, "/me/export", nil, "", token(signedIn, .ok)),
                api(.POST, "/me/deletion", nil, #"{"email":"not-theirs@example.org","password":"not theirs"}"#, token(signedIn, .unprocessableEntity)),
                api(.GET, "/account-deletions", nil, "", adminOnly(.ok)),
                // Outcomes: coaches read their graduates' cohorts; a coach of none reads no cohort.
                api(.GET, "/outcomes", nil, "", expect([.coach, .unassignedCoach, .admin], .ok, denied: .forbidden, anonymous: .unauthorized)),
                api(.GET, "/outcomes/cohorts/:id", "/outcomes/cohorts/\(f.cohortID)", "",
                    expect([.coach, .admin], .ok, denied: .forbidden, anonymous: .unauthorized).merging([.unassignedCoach: .notFound]) { $1 }),
                api(.POST, "/account-deletions", nil, #"{"email":"nobody@example.org"}"#, adminOnly(.unprocessableEntity)),
                // Job search
                api(.GET, "/applications", "/applications?graduate_id=\(f.graduateID)", "", token([.graduate, .coach, .admin], .ok)),
                api(.POST, "/applications", nil, #"{"company":"Globex","role_title":"Developer"}"#, expect([.graduate, .otherGraduate], .created, denied: .forbidden, anonymous: .unauthorized)),
                api(.GET, "/applications/:id", "/applications/\(f.applicationID)", "", token([.graduate, .coach, .admin], .ok)),
                api(.PATCH, "/applications/:id", "/applications/\(f.applicationID)", #"{"notes":"Called them"}"#, token([.graduate], .ok)),
                api(.POST, "/applications/:id/moves", "/applications/\(f.applicationID)/moves", #"{"stage":"screening"}"#, token([.graduate], .created)),
                api(.POST, "/applications/:id/interviews", "/applications/\(f.applicationID)/interviews", #"{"kind":"technical","at":"2026-11-20T10:00:00Z","duration_minutes":60}"#, token([.graduate], .created)),
                api(.DELETE, "/applications/:id", "/applications/\(f.applicationID)", "", token([.graduate], .noContent)),
                api(.PATCH, "/interviews/:id", "/interviews/\(f.interviewID)", #"{"outcome":"passed"}"#, token([.graduate], .ok)),
                api(.DELETE, "/interviews/:id", "/interviews/\(f.interviewID)", "", token([.graduate], .noContent)),
                api(.POST, "/applications/:id/contacts", "/applications/\(f.applicationID)/contacts", #"{"name":"Ada Interviewer"}"#, token([.graduate], .created)),
                api(.PATCH, "/contacts/:id", "/contacts/\(f.contactID)", #"{"role":"Head of engineering"}"#, token([.graduate], .ok)),
                api(.DELETE, "/contacts/:id", "/contacts/\(f.contactID)", "", token([.graduate], .noContent)),
                api(.GET, "/metrics", "/metrics?graduate_id=\(f.graduateID)", "", token([.graduate, .coach, .admin], .ok)),
                Case(method: .POST, route: "/api/v1/applications/import", path: "/api/v1/applications/import?dry_run=true", body: ["csv": "company,role\nGlobex,Developer\n"],
                     expected: expect([.graduate, .otherGraduate], .ok, denied: .forbidden, anonymous: .unauthorized)),
                api(.GET, "/applications/export", nil, "", expect([.graduate, .otherGraduate], .ok, denied: .forbidden, anonymous: .unauthorized)),
                api(.GET, "/programme", nil, "", expect([.graduate, .otherGraduate], .ok, denied: .forbidden, anonymous: .unauthorized)),
                api(.POST, "/standups", nil, #"{"today":"Apply","mood":3}"#, expect([.graduate, .otherGraduate], .created, denied: .forbidden, anonymous: .unauthorized)),
                api(.GET, "/goals", nil, "", graduates(.ok)),
                api(.POST, "/goals", nil, #"{"specific":"A role","measurable":"An offer","achievable":"Yes","relevant":"Yes","time_bound":"2027-03-01"}"#, graduates(.created)),
                api(.POST, "/goals/:id/versions", "/goals/\(f.goalID)/versions",
                    #"{"specific":"A role","measurable":"Two offers","achievable":"Yes","relevant":"Yes","time_bound":"2027-03-01"}"#,
                    ownOnly(.created)),
                api(.GET, "/informational-interviews", nil, "", graduates(.ok)),
                api(.POST, "/informational-interviews", nil, #"{"person":"Sam","day":"2026-11-20"}"#, graduates(.created)),
                api(.GET, "/blog-posts", nil, "", graduates(.ok)),
                api(.POST, "/blog-posts", nil, #"{"title":"Joins","url":"https://blog.example/joins","published":"2026-11-20","kind":"technical"}"#, graduates(.created)),
                api(.GET, "/submissions", nil, "", graduates(.ok)),
                api(.POST, "/submissions", nil, #"{"kind":"smart_goals","title":"My goals","body":"Three goals"}"#, graduates(.created)),
                api(.GET, "/submissions/:id", "/submissions/\(f.submissionID)", "", token([.graduate, .coach, .admin], .ok)),
                api(.POST, "/submissions/:id/rounds", "/submissions/\(f.sentBackID)/rounds", #"{"title":"My goals","body":"Sharper goals"}"#, ownOnly(.created)),
                // The actors take turns on one submission: the coach approves it, so the admin after them is told it is reviewed.
                api(.POST, "/submissions/:id/reviews", "/submissions/\(f.submissionID)/reviews", #"{"verdict":"approved"}"#,
                    expect([.coach], .created, denied: .forbidden, anonymous: .unauthorized).merging([.unassignedCoach: .notFound, .admin: .conflict]) { $1 }),
                api(.GET, "/reviews", nil, "", expect([.coach, .unassignedCoach, .admin], .ok, denied: .forbidden, anonymous: .unauthorized)),
                api(.GET, "/support-requests", nil, "", expect([.graduate, .otherGraduate, .coach, .unassignedCoach, .admin], .ok, denied: .forbidden, anonymous: .unauthorized)),
                api(.POST, "/support-requests", nil, #"{"kind":"question","subject":"My CV","message":"Could you read it?"}"#, graduates(.created)),
                api(.GET, "/support-requests/:id", "/support-requests/\(f.supportRequestID)", "", token([.graduate, .coach, .admin], .ok)),
                api(.POST, "/support-requests/:id/replies", "/support-requests/\(f.supportRequestID)/replies", #"{"body":"Thursday at 10?"}"#,
                    token([.graduate, .coach, .admin], .created)),
                api(.GET, "/plan", nil, "", ownOnly(.ok)),
                // The graduate has an active plan already; the other graduate has none.
                api(.POST, "/plan", nil, #"{"focus_areas":"Testing"}"#,
                    expect([.otherGraduate], .created, denied: .forbidden, anonymous: .unauthorized).merging([.graduate: .conflict]) { $1 }),
                api(.GET, "/plans", nil, "", expect([.coach, .unassignedCoach], .ok, denied: .forbidden, anonymous: .unauthorized)),
                api(.POST, "/plans", nil, #"{"graduate_id":"\#(f.graduateID)","focus_areas":"Testing","cadence":"weekly"}"#,
                    expect([], .created, denied: .forbidden, anonymous: .unauthorized).merging([.coach: .conflict, .unassignedCoach: .notFound]) { $1 }),
                api(.GET, "/plans/:id", "/plans/\(f.planID)", "", token([.graduate, .coach], .ok)),
                api(.POST, "/plans/:id/meetings", "/plans/\(f.planID)/meetings", #"{"held_on":"2026-11-23","notes":"Talked about tests"}"#,
                    expect([.coach], .created, denied: .forbidden, anonymous: .unauthorized).merging([.unassignedCoach: .notFound]) { $1 }),
                api(.POST, "/plans/:id/finish", "/plans/\(f.planID)/finish", "",
                    expect([.coach], .ok, denied: .forbidden, anonymous: .unauthorized).merging([.unassignedCoach: .notFound]) { $1 }),
                api(.PATCH, "/recommendations/:id", "/recommendations/\(f.recommendationID)", #"{"state":"doing"}"#, ownOnly(.ok)),
                api(.POST, "/support-requests/:id/solve", "/support-requests/\(f.supportRequestID)/solve", "", token([.graduate, .coach, .admin], .ok)),
                api(.GET, "/learning-goals", nil, "", graduates(.ok)),
                api(.POST, "/learning-goals", nil, #"{"title":"SQL","now":"Joins","success":"Schemas","why":"Jobs","milestones":[{"title":"A book","due":"2027-01-15"}]}"#, graduates(.created)),
                api(.PATCH, "/milestones/:id", "/milestones/\(f.milestoneID)", #"{"done":true}"#, ownOnly(.ok)),
                api(.GET, "/retrospectives", "/retrospectives?graduate_id=\(f.graduateID)", "", token([.graduate, .coach, .admin], .ok)),
                api(.PUT, "/weeks/:week/retrospective", "/weeks/1/retrospective",
                    #"{"went_well":"A","did_not_go_well":"B","learned":"C","focus":"D","better":"yes"}"#, graduates(.ok)),
                api(.POST, "/retrospectives/:id/comments", "/retrospectives/\(f.retrospectiveID)/comments", #"{"body":"Good week"}"#, token([.coach, .admin], .created)),
                api(.POST, "/marks", nil, #"{"activity":"apply","mark":"skipped"}"#, graduates(.noContent)),
                api(.PUT, "/graduates/:id/pause", "/graduates/\(f.graduateID)/pause", #"{"reason":"Ill for two weeks"}"#, adminOnly(.ok)),
                api(.DELETE, "/graduates/:id/pause", "/graduates/\(f.graduateID)/pause", "", adminOnly(.noContent)),
                api(.GET, "/cohorts/:id/standups", "/cohorts/\(f.cohortID)/standups", "", token([.graduate, .otherGraduate, .coach, .admin], .ok)),
                api(.GET, "/programmes", nil, "", adminOnly(.ok)),
                api(.POST, "/cohorts/:id/programme", "/cohorts/\(f.cohortID)/programme", "",
                    expect([], .created, denied: .forbidden, anonymous: .unauthorized).merging([.admin: .conflict]) { $1 }),
                api(.POST, "/programmes/:id/activities", "/programmes/\(f.programmeID)/activities", #"{"title":"Demo day","kind":"custom","schedule":"weekly"}"#, adminOnly(.created)),
                api(.DELETE, "/programme-activities/:id", "/programme-activities/\(f.activityID)", "", adminOnly(.noContent)),
                api(.GET, "/dashboard", "/dashboard?sort=mood&show=everyone", "", expect([.coach, .unassignedCoach, .admin], .ok, denied: .forbidden, anonymous: .unauthorized)),
                api(.GET, "/events", nil, "", expect([.graduate, .otherGraduate, .coach, .unassignedCoach, .admin], .ok, denied: .forbidden, anonymous: .unauthorized)),
                api(.POST, "/events", nil, #"{"title":"CV clinic","description":"Bring a CV","starts_at":"2026-11-30T14:00:00Z","ends_at":"2026-11-30T15:00:00Z","place":"Room 2"}"#,
                    expect([.coach, .unassignedCoach, .admin], .created, denied: .forbidden, anonymous: .unauthorized)),
                api(.GET, "/events/:id", "/events/\(f.eventID)", "", expect([.graduate, .otherGraduate, .coach, .unassignedCoach, .admin], .ok, denied: .forbidden, anonymous: .unauthorized)),
                api(.PUT, "/events/:id/answer", "/events/\(f.eventID)/answer", #"{"answer":"going"}"#, graduates(.ok)),
                api(.DELETE, "/events/:id", "/events/\(f.eventID)", "", adminOnly(.noContent)),
                api(.GET, "/mock-slots", nil, "", expect([.graduate, .otherGraduate, .coach, .unassignedCoach], .ok, denied: .forbidden, anonymous: .unauthorized)),
                api(.POST, "/mock-slots", nil, #"{"starts_at":"2026-11-30T10:00:00Z","minutes":60,"themes":["back_end"]}"#,
                    expect([.coach, .unassignedCoach], .created, denied: .forbidden, anonymous: .unauthorized)),
                // The graduate books it; the other graduate, after, is told it was taken.
                api(.POST, "/mock-slots/:id/booking", "/mock-slots/\(f.openSlotID)/booking", #"{"theme":"back_end","practise":"SQL joins"}"#,
                    graduates(.created).merging([.otherGraduate: .conflict]) { $1 }),
                api(.GET, "/mock-bookings", nil, "", graduates(.ok)),
                api(.GET, "/mock-bookings/:id", "/mock-bookings/\(f.bookingID)", "", token([.graduate, .coach, .admin], .ok)),
                api(.DELETE, "/mock-bookings/:id", "/mock-bookings/\(f.bookingID)", "",
                    token([.graduate], .ok).merging([.coach: .forbidden, .admin: .forbidden]) { $1 }),
                api(.PUT, "/mock-bookings/:id/rubric", "/mock-bookings/\(f.pastBookingID)/rubric",
                    #"{"problem_solving":3,"code_comprehension":2,"communication":4,"technical_knowledge":2,"topic_area":3,"strengths":"Clear","improvements":"Tests"}"#,
                    token([.coach], .created).merging([.graduate: .forbidden, .admin: .forbidden]) { $1 }),
                api(.GET, "/peer-sessions", nil, "", graduates(.ok)),
                api(.POST, "/peer-sessions", nil, #"{"starts_at":"2026-11-30T08:00:00Z","minutes":45,"kind":"technical","places":4,"link":"https://meet.example/t"}"#,
                    graduates(.created)),
                api(.GET, "/peer-sessions/:id", "/peer-sessions/\(f.peerSessionID)", "", graduates(.ok).merging([.coach: .ok, .unassignedCoach: .notFound]) { $1 }),
                // The graduate hosts it, so has a place already.
                api(.POST, "/peer-sessions/:id/seat", "/peer-sessions/\(f.peerSessionID)/seat", "", graduates(.created).merging([.graduate: .conflict]) { $1 }),
                // The host has a place but it has not started; the other graduate has none.
                api(.PUT, "/peer-sessions/:id/note", "/peer-sessions/\(f.peerSessionID)/note", #"{"note":"STAR"}"#, graduates(.conflict).merging([.otherGraduate: .forbidden]) { $1 }),
                // The host gives up no place (cancels instead); the other graduate has none.
                api(.DELETE, "/peer-sessions/:id/seat", "/peer-sessions/\(f.peerSessionID)/seat", "", graduates(.conflict)),
                api(.DELETE, "/peer-sessions/:id", "/peer-sessions/\(f.peerSessionID)", "", graduates(.ok).merging([.otherGraduate: .forbidden]) { $1 }),
                api(.GET, "/contributions", "/contributions?graduate_id=\(f.graduateID)", "", token([.graduate, .coach, .admin], .ok)),
                api(.GET, "/projects", "/projects?graduate_id=\(f.graduateID)", "", token([.graduate, .coach, .admin], .ok)),
                api(.POST, "/projects", nil, #"{"name":"Shelf","started_on":"2026-10-01","is_side":true,"stacks":["Ruby"]}"#, graduates(.created)),
                api(.PATCH, "/projects/:id", "/projects/\(f.projectID)", #"{"name":"Shelf, again"}"#, token([.graduate], .ok)),
                api(.DELETE, "/projects/:id", "/projects/\(f.projectID)", "", token([.graduate], .noContent)),
                api(.GET, "/feedback", "/feedback?graduate_id=\(f.graduateID)", "", token([.graduate, .coach, .admin], .ok)),
                // Only the graduate was given it; to the other graduate it does not exist.
                api(.POST, "/feedback/actions", nil, #"{"feedback_key":"\#(f.feedbackKey)","kind":"kata","note":"Again","day":"2026-11-22"}"#, ownOnly(.created)),
                api(.DELETE, "/feedback/actions/:id", "/feedback/actions/\(f.feedbackActionID)", "", token([.graduate], .noContent)),
                api(.GET, "/candidate-profile", nil, "", graduates(.ok)),
                api(.PUT, "/candidate-profile", nil, #"{"headline":"Back-end developer","shared":true}"#, graduates(.ok)),
                api(.GET, "/candidates", "/candidates?stack=ruby&starts_within_days=30", "", partners(.ok)),
                // The graduate shares; the other graduate does not, so is not found even by a partner.
                api(.GET, "/candidates/:id", "/candidates/\(f.graduateID)", "", partners(.ok)),
                api(.PUT, "/technical-recommendations/:id", "/technical-recommendations/\(f.graduateID)", #"{"text":"Clear, tested Ruby."}"#, token([.coach], .ok)),
                api(.GET, "/shortlists", nil, "", partners(.ok)),
                api(.POST, "/shortlists", nil, #"{"name":"Junior front-end","hiring_partner":"Globex"}"#, partners(.created)),
                api(.GET, "/shortlists/:id", "/shortlists/\(f.shortlistID)", "", partners(.ok)),
                // On it already.
                api(.POST, "/shortlists/:id/candidates", "/shortlists/\(f.shortlistID)/candidates", #"{"graduate_id":"\#(f.graduateID)"}"#, partners(.ok)),
                api(.DELETE, "/shortlists/:id/candidates/:graduate_id", "/shortlists/\(f.shortlistID)/candidates/\(f.graduateID)", "", partners(.noContent)),
                api(.DELETE, "/shortlists/:id", "/shortlists/\(f.shortlistID)", "", partners(.noContent)),
                api(.GET, "/pairing-requests", nil, "", graduates(.ok)),
                // Both graduates have an open request already; the web's case asks.
                api(.POST, "/pairing-requests", nil, #"{"topic":"Katas","kinds":["kata"],"windows":[{"start":"2026-11-27T10:00:00Z","end":"2026-11-27T11:00:00Z"}]}"#,
                    graduates(.conflict)),
                api(.DELETE, "/pairing-requests/:id", "/pairing-requests/\(f.pairingRequestID)", "", ownOnly(.ok)),
                api(.GET, "/unmatched-pairing-requests", nil, "", expect([.coach, .unassignedCoach, .admin], .ok, denied: .forbidden, anonymous: .unauthorized)),
                // The coach pairs Wes with the volunteer; the admin after them is told Wes's request is held.
                api(.POST, "/pairing-requests/:id/match", "/pairing-requests/\(f.unmatchedRequestID)/match",
                    #"{"partner_kind":"volunteer","partner_id":"\#(f.volunteerID)","starts_at":"2026-11-26T07:00:00Z"}"#,
                    expect([.coach], .created, denied: .forbidden, anonymous: .unauthorized).merging([.unassignedCoach: .notFound, .admin: .conflict]) { $1 }),
                api(.GET, "/volunteering", nil, "", graduates(.ok)),
                api(.PUT, "/volunteering", nil, #"{"topics":"Ruby","kinds":["kata"],"windows":[{"start":"2026-11-27T10:00:00Z","end":"2026-11-27T12:00:00Z"}]}"#,
                    graduates(.ok)),
                // Neither graduate volunteers.
                api(.DELETE, "/volunteering", nil, "", graduates(.conflict)),
                api(.GET, "/pairings", nil, "", graduates(.ok)),
                api(.GET, "/pairings/:id", "/pairings/\(f.pairingID)", "", token([.graduate, .otherGraduate, .coach, .admin], .ok)),
                api(.PUT, "/pairings/:id/answer", "/pairings/\(f.pairingID)/answer", #"{"accept":true}"#,
                    token([.graduate, .otherGraduate], .ok).merging([.coach: .forbidden, .admin: .forbidden]) { $1 }),
                // Not accepted yet: the link and the notes wait.
                api(.PUT, "/pairings/:id/link", "/pairings/\(f.pairingID)/link", #"{"link":"https://meet.example/k"}"#,
                    token([.graduate, .otherGraduate], .conflict).merging([.coach: .forbidden, .admin: .forbidden]) { $1 }),
                api(.PUT, "/pairings/:id/note", "/pairings/\(f.pairingID)/note", #"{"note":"Kata"}"#,
                    token([.graduate, .otherGraduate], .conflict).merging([.coach: .forbidden, .admin: .forbidden]) { $1 }),
            ]
        }

        /// Fresh data for each request, so one actor's write cannot change another's answer.
        static func fixture(_ app: Application) async throws -> Fixture {
            let world = try await World.make(on: app)
            try await ProgrammeUseCases(db: app.db, now: testNow).giveDefault(to: world.cohort)
            let accounts = Accounts(db: app.db, now: testNow, hashing: app.passwordHashing)
            let link = try await accounts.invite(email: "invitee@example.org", role: .graduate, cohortID: world.cohort.id!.uuidString, by: world.admin, link: { $0 })
            let (token, _) = try await accounts.createToken(for: world.graduate, name: "a second token")
            let assignment = try await CoachAssignmentModel.query(on: app.db).filter(\.$graduate.$id == world.graduate.requireID()).first()!
            let search = JobSearch(db: app.db, now: testNow)
            let today = search.today(for: world.graduate)
            let application = try await search.create(for: world.graduate, draft: ApplicationDraft(company: "Acme", roleTitle: "Junior Developer"), stage: .applied, on: today)
            let offer = try await search.create(for: world.graduate, draft: ApplicationDraft(company: "Initech", roleTitle: "Developer"), stage: .offer, on: today)
            let interview = try await search.addInterview(to: application, InterviewDraft(
                kind: .technical, at: testNow.addingTimeInterval(-86_400), durationMinutes: 60, withWhom: "Sam", outcome: .awaiting, feedback: "", feedbackIsTechnical: false))
            let contact = try await search.addContact(to: application, ContactDraft(name: "Sam Recruiter", role: "Recruiter", email: "", profileURL: ""))
            // Technical feedback from an interview last week, and something done about it.
            let debrief = try await search.addInterview(to: application, InterviewDraft(
                kind: .technical, at: testNow.addingTimeInterval(-7 * 86_400), durationMinutes: 60, withWhom: "Kim", outcome: .notPassed, feedback: "Test the edges", feedbackIsTechnical: true))
            let feedbackKey = "interview:" + debrief.requireIDString
            let acted = FeedbackActionModel(userID: try world.graduate.requireID(), feedbackKey: feedbackKey,
                                            draft: FeedbackActionDraft(kind: .kata, link: nil, note: "Edge-case kata", day: LocalDate(iso: "2026-11-20")!))
            try await acted.create(on: app.db)
            let placed = try await search.create(for: world.graduate, draft: ApplicationDraft(company: "Umbrella", roleTitle: "Developer"), stage: .offer, on: today)
            try await search.move(placed, to: .accepted, on: today, placement: PlacementDraft(startDate: today, jobTitle: "Developer", employmentType: .fullTime, inField: true, salary: 30000))
            let goal = try await RecordsUseCases(db: app.db, now: testNow).setGoal(
                SmartGoalDraft(specific: "A junior role", measurable: "An offer", achievable: "Yes", relevant: "Yes", timeBound: today.adding(days: 60)),
                for: world.graduate, today: today)
            // Yesterday's: today's standup is left for the API's case to post.
            try await StandupModel(userID: try world.graduate.requireID(), day: today.adding(days: -1),
                                   draft: StandupDraft(yesterday: "", today: "Apply", blockers: "No replies to my applications", mood: 2, wantsHelp: true), late: false).create(on: app.db)
            let retrospective = RetrospectiveModel(userID: try world.graduate.requireID(), week: 3,
                                                   draft: RetrospectiveDraft(wentWell: "A", didNotGoWell: "B", learned: "C", focus: "D", better: .yes),
                                                   figures: RetrospectiveFigures(applications: 1, interviews: 0, standups: 3), writtenOn: today)
            try await retrospective.create(on: app.db)
            let learning = try await LearningGoalUseCases(db: app.db, now: testNow).add(
                LearningGoalDraft(title: "SQL", now: "Joins with help", success: "Schemas alone", why: "Back-end roles"), for: world.graduate.requireID())
            let milestone = try await LearningGoalUseCases(db: app.db, now: testNow).add(MilestoneDraft(title: "Read a book", due: today.adding(days: 30)), to: learning)
            let activity = try await ProgrammeActivityModel.query(on: app.db).filter(\.$key == "network").first()!
            let reviews = ReviewUseCases(db: app.db, now: testNow)
            let submission = try await reviews.submit(SubmissionDraft(kind: .jobSearchAnalysis, title: "Week 4", body: "Referrals work", link: nil), for: world.graduate)
            let sentBack = try await reviews.submit(SubmissionDraft(kind: .smartGoals, title: "Goals", body: "Three goals", link: nil), for: world.graduate)
            try await reviews.review(sentBack.requireIDString, ReviewDraft(verdict: .changesRequested, comment: "Make them measurable"), by: world.coach)
            let plans = LearningPlanUseCases(db: app.db, now: testNow)
            let plan = try await plans.start(for: world.graduate.requireIDString, LearningPlanDraft(focusAreas: "Testing", cadence: .weekly), by: world.coach)
            try await plans.recordMeeting(on: plan.requireIDString, by: world.coach) { today in
                MeetingDraft(heldOn: today, notes: "Tests first", recommendations: [RecommendationDraft(kind: .kata, description: "Bowling kata", due: today.adding(days: 7))])
            }
            let recommendation = try await RecommendationModel.query(on: app.db).first()!
            let support = try await SupportUseCases(db: app.db, now: testNow).open(
                SupportRequestDraft(kind: .oneToOne, subject: "Mock interview", message: "Could we practise?", preferredTimes: "Mornings"), for: world.graduate)
            let event = try await EventUseCases(db: app.db, now: testNow).create(
                EventDraft(title: "CV clinic", description: "Bring your CV", startsAt: testNow.addingTimeInterval(7 * 86_400), endsAt: testNow.addingTimeInterval(7 * 86_400 + 3_600),
                           link: "https://meet.example/cv", place: "", cohortID: world.cohort.id!.uuidString), by: world.admin)
            let earlier = MockInterviewUseCases(db: app.db, now: testNow.addingTimeInterval(-3 * 86_400))
            let mock = MockInterviewUseCases(db: app.db, now: testNow)
            let openSlot = try await mock.open(MockSlotDraft(startsAt: testNow.addingTimeInterval(4 * 86_400), minutes: 60, themes: [.backEnd]), by: world.coach)
            let aheadSlot = try await mock.open(MockSlotDraft(startsAt: testNow.addingTimeInterval(5 * 86_400), minutes: 45, themes: [.frontEnd]), by: world.coach)
            let booking = try await mock.book(aheadSlot.requireIDString, MockBookingDraft(theme: .frontEnd, practise: "State"), by: world.graduate)
            let pastSlot = try await earlier.open(MockSlotDraft(startsAt: testNow.addingTimeInterval(-3_600), minutes: 60, themes: [.backEnd]), by: world.coach)
            let pastBooking = try await earlier.book(pastSlot.requireIDString, MockBookingDraft(theme: .backEnd, practise: "APIs"), by: world.graduate)
            let peer = try await PeerSessionUseCases(db: app.db, now: testNow).host(
                PeerSessionDraft(startsAt: testNow.addingTimeInterval(86_400), minutes: 45, kind: .behavioural, places: 4, link: "https://meet.example/p"), by: world.graduate)
            // The graduate and the other graduate asked to pair and are proposed to each other; Wes,
            // the coach's too, asked 50 hours ago and found nobody.
            let pairings = PairingUseCases(db: app.db, now: testNow)
            let windows = WindowsInput.rows([WindowRow(day: "2026-11-25", start: "10:00", end: "12:00")], timeZone: .gmt)
            let asked = try await pairings.ask(try PairingRequestDraft.validate(topic: "Katas", kinds: ["kata"], windows: windows, now: testNow), by: world.graduate).request
            let proposal = try await pairings.ask(try PairingRequestDraft.validate(topic: "Katas too", kinds: ["kata"], windows: windows, now: testNow), by: world.otherGraduate).proposal!
            let wes = try await world.graduate("Wes Waiting", email: "wes@example.org", coachedBy: world.coach, canSignIn: false, on: app)
            let val = try await world.graduate("Val Volunteer", email: "val@example.org", canSignIn: false, on: app)
            try await pairings.volunteer(try AvailabilityDraft.validate(topics: "Python", kinds: ["kata"], windows: windows, now: testNow), by: val)
            let twoDaysAgo = testNow.addingTimeInterval(-50 * 3_600)
            let waiting = try await PairingUseCases(db: app.db, now: twoDaysAgo).ask(try PairingRequestDraft.validate(
                topic: "A tech test", kinds: ["tech_test"], windows: .rows([WindowRow(day: "2026-11-26", start: "07:00", end: "08:00")], timeZone: .gmt), now: twoDaysAgo), by: wes).request
            let project = try await ProjectUseCases(db: app.db, now: testNow).add(try ProjectDraft.validate(
                name: "Shelf", repository: "https://github.com/grace/shelf", live: "", description: "", stacks: "Ruby", isSide: true,
                startedOn: "2026-10-01", lastWorkedOn: "", today: LocalDate(testNow, in: .gmt)), for: world.graduate.requireID())
            let shortlists = ShortlistUseCases(db: app.db, now: testNow)
            try await shortlists.share(true, for: world.graduate.requireID())
            _ = try await shortlists.recommend("Writes clear, tested Ruby.", of: world.graduate.requireID(), by: world.coach.requireID())
            let shortlist = try await shortlists.makeShortlist(ShortlistDraft(name: "Junior back-end", hiringPartner: "Acme"), by: world.partner.requireID())
            try await shortlists.add(world.graduate.requireID(), to: shortlist)
            return Fixture(world: world, invitationToken: link.link, graduateTokenID: token.requireIDString, assignmentID: assignment.id!.uuidString,
                           applicationID: application.id!.uuidString, offerID: offer.id!.uuidString, placedID: placed.id!.uuidString, goalID: goal.id.uuidString,
                           learningGoalID: learning.id!.uuidString, milestoneID: milestone.id!.uuidString,
                           programmeID: activity.$programme.id.uuidString, activityID: activity.id!.uuidString,
                           retrospectiveID: retrospective.id!.uuidString, submissionID: submission.requireIDString, sentBackID: sentBack.requireIDString,
                           supportRequestID: support.requireIDString, planID: plan.requireIDString, recommendationID: recommendation.id!.uuidString, eventID: event.requireIDString,
                           openSlotID: openSlot.requireIDString, bookingID: booking.requireIDString, pastBookingID: pastBooking.requireIDString, peerSessionID: peer.requireIDString,
                           pairingRequestID: asked.requireIDString, pairingID: proposal.requireIDString, unmatchedRequestID: waiting.requireIDString,
                           volunteerID: val.requireIDString, interviewID: interview.requireIDString, contactID: contact.requireIDString,
                           projectID: project.requireIDString, feedbackKey: feedbackKey, feedbackActionID: acted.requireIDString,
                           shortlistID: shortlist.requireIDString)
        }

        static func user(_ actor: Actor, in world: World) -> UserModel? {
            switch actor {
            case .anonymous: nil
            case .graduate: world.graduate
            case .otherGraduate: world.otherGraduate
            case .coach: world.coach
            case .unassignedCoach: world.unassignedCoach
            case .partner: world.partner
            case .admin: world.admin
            }
        }

        @Test func every_route_answers_each_role_as_the_table_says() async throws {
            // One app per route: the actors take turns on the same data. The table is written so
            // that one actor's write cannot change another's answer. The routes' apps run side by
            // side, as many as `TestPlaces` lets in: 229 apps one after another were most of the
            // suite's time.
            let (failures, caseCount) = try await withThrowingTaskGroup(of: ([String], Int).self) { group in
                for index in 0..<(Self.webCasesCount + Self.apiCasesCount) {
                    group.addTask { try await Self.check(route: index) }
                }
                return try await group.reduce(into: ([String](), 0)) { total, one in
                    total.0 += one.0
                    total.1 += one.1
                }
            }
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
            #expect(caseCount == (Self.webCasesCount + Self.apiCasesCount) * Actor.allCases.count)
        }

        /// The table's route `index` asked by every actor, on an app of its own: what each got
        /// that the table does not say, and how many answers were checked.
        static func check(route index: Int) async throws -> ([String], Int) {
            var failures: [String] = []
            var caseCount = 0
            try await withApp { app in
                let f = try await Self.fixture(app)
                let all = Self.webCases(f) + Self.apiCases(f)
                let c = all[index]
                for actor in Actor.allCases {
                    let status = try await Self.request(c, as: actor, fixture: f, app: app)
                    if status != c.expected[actor] {
                        failures.append("\(c.method.rawValue) \(c.path) as \(actor): got \(status.code), expected \(c.expected[actor]!.code)")
                    }
                    caseCount += 1
                }
                // Which cases exist does not depend on the data: the first route's app checks coverage.
                if index == 0 {
                    let routes = app.routes.all.map { "\($0.method.rawValue) /\($0.path.map(\.description).joined(separator: "/"))" }
                    let registered = Set(routes)
                    // Two capabilities registering one address: the later silently takes it over.
                    #expect(routes.count == registered.count, "routes registered twice: \(Dictionary(grouping: routes) { $0 }.filter { $0.value.count > 1 }.keys.sorted())")
                    let tabled = Set(all.map { "\($0.method.rawValue) \($0.route)" })
                    #expect(all.count == Self.webCasesCount + Self.apiCasesCount, "update the case counts")
                    let missing = registered.subtracting(tabled)
                    #expect(missing.isEmpty, "routes missing from the authorization table: \(missing.sorted())")
                    let stale = tabled.subtracting(registered)
                    #expect(stale.isEmpty, "table rows for routes that do not exist: \(stale.sorted())")
                }
            }
            return (failures, caseCount)
        }

        static let webCasesCount = 201
        static let apiCasesCount = 137

        static func request(_ c: Case, as actor: Actor, fixture f: Fixture, app: Application) async throws -> HTTPStatus {
            let user = user(actor, in: f.world)
            if c.route.hasPrefix("/api/") {
                var bearer: String?
                if let user {
                    bearer = try await Accounts(db: app.db, now: testNow, hashing: app.passwordHashing).createToken(for: user, name: "table").1
                }
                var status = HTTPStatus.internalServerError
                try await app.testing().test(c.method, c.path, beforeRequest: { req in
                    if let bearer { req.headers.bearerAuthorization = .init(token: bearer) }
                    if let json = c.body["json"] {
                        req.headers.contentType = .json
                        req.body = ByteBuffer(string: json)
                    }
                    if let csv = c.body["csv"] {
                        req.headers.contentType = HTTPMediaType(type: "text", subType: "csv")
                        req.body = ByteBuffer(string: csv)
                    }
                }, afterResponse: { res in
                    status = res.status
                })
                return status
            }
            let browser = Browser(app)
            if let user {
                let res = try await browser.signIn(user)
                #expect(res.status == .seeOther, "sign-in as \(actor) failed")
            }
            var body = c.body
            if c.route == SiteURL.accounts(.signIn).path, c.method == .POST {
                // A different unknown email per actor, so the throttle does not join in.
                body["email"] = "nobody-\(actor.rawValue)@example.org"
            }
            let res = c.method == .GET ? try await browser.get(c.path) : try await browser.post(c.path, body)
            return res.status
        }
    }
}
