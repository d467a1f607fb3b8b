import Foundation
import Testing
@testable import OnwardCore

@Suite struct AccountRulesTests {
    @Test func an_admin_lists_every_cohort_and_others_their_own() {
        #expect(Access.cohortsListed(by: Viewer(id: "x", role: .admin), ownCohort: nil) == .all)
        #expect(Access.cohortsListed(by: Viewer(id: "x", role: .graduate), ownCohort: "c1") == .own("c1"))
        #expect(Access.cohortsListed(by: Viewer(id: "x", role: .graduate), ownCohort: nil) == .none)
    }

    @Test func email_is_trimmed_and_lowercased() {
        var errors = ValidationErrors()
        #expect(AccountRules.validateEmail("  Ada@Example.ORG ", into: &errors) == "ada@example.org")
        #expect(errors.isEmpty)
    }

    @Test(arguments: ["", "ada", "ada@", "@example.org", "ada@example", "a da@example.org", "ada@example..org", "ada@@example.org"])
    func implausible_email_is_refused(_ raw: String) {
        var errors = ValidationErrors()
        _ = AccountRules.validateEmail(raw, into: &errors)
        #expect(errors.message(for: "email") != nil)
    }

    @Test func short_password_is_refused() {
        var errors = ValidationErrors()
        AccountRules.validateNewPassword("short", confirmation: "short", into: &errors)
        #expect(errors.message(for: "password") == "Use at least 10 characters.")
    }

    @Test func password_longer_than_bcrypt_reads_is_refused() {
        var errors = ValidationErrors()
        let long = String(repeating: "x", count: 73)
        AccountRules.validateNewPassword(long, confirmation: long, into: &errors)
        #expect(errors.message(for: "password") == "Use at most 72 characters.")
    }

    @Test func mismatched_confirmation_is_reported_on_the_confirmation_field() {
        var errors = ValidationErrors()
        AccountRules.validateNewPassword("correct horse", confirmation: "correct house", into: &errors)
        #expect(errors.message(for: "password") == nil)
        #expect(errors.message(for: "password_confirmation") != nil)
    }

    @Test func blank_name_is_refused() {
        var errors = ValidationErrors()
        _ = AccountRules.validateName("   ", into: &errors)
        #expect(errors.message(for: "name") == "Enter your name.")
    }
}

@Suite struct InvitationRulesTests {
    let sent = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func invitation_is_pending_until_seven_days_have_passed() {
        let expires = InvitationRules.expiry(from: sent)
        let justBefore = sent.addingTimeInterval(7 * 86_400 - 1)
        let exactly = sent.addingTimeInterval(7 * 86_400)
        #expect(InvitationRules.status(expiresAt: expires, acceptedAt: nil, now: justBefore) == .pending)
        #expect(InvitationRules.status(expiresAt: expires, acceptedAt: nil, now: exactly) == .expired)
    }

    @Test func accepted_invitation_stays_accepted_after_expiry() {
        let expires = InvitationRules.expiry(from: sent)
        let status = InvitationRules.status(expiresAt: expires, acceptedAt: sent, now: sent.addingTimeInterval(30 * 86_400))
        #expect(status == .accepted)
    }
}

@Suite struct SignInThrottleTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000.5)
    let limit = SignInThrottle.perAccount

    func attempts(_ n: Int, from start: SignInThrottle.Counter? = nil, at time: Date) -> SignInThrottle.Counter? {
        var counter = start
        for _ in 0..<n { counter = SignInThrottle.counting(counter, at: time, limit: limit) }
        return counter
    }

    @Test func the_first_attempt_opens_a_fifteen_minute_window_in_whole_seconds() {
        let counter = SignInThrottle.counting(nil, at: now, limit: limit)
        #expect(counter == SignInThrottle.Counter(attempts: 1, windowEnds: 1_800_000_000 + 15 * 60))
    }

    @Test func five_attempts_are_checked_and_the_sixth_is_refused_until_the_window_ends() throws {
        let five = try #require(attempts(5, at: now))
        #expect(SignInThrottle.refusedUntil(five, limit: limit) == nil)
        let six = SignInThrottle.counting(five, at: now.addingTimeInterval(14 * 60), limit: limit)
        #expect(SignInThrottle.refusedUntil(six, limit: limit) == Date(timeIntervalSince1970: 1_800_000_900))
    }

    @Test func refused_attempts_do_not_push_the_window_back() throws {
        let many = try #require(attempts(40, at: now))
        #expect(many.windowEnds == 1_800_000_900)
    }

    @Test func at_the_end_of_the_window_counting_starts_again() throws {
        let locked = try #require(attempts(9, at: now))
        let atTheEnd = SignInThrottle.counting(locked, at: Date(timeIntervalSince1970: 1_800_000_900), limit: limit)
        #expect(atTheEnd == SignInThrottle.Counter(attempts: 1, windowEnds: 1_800_000_900 + 15 * 60))
        let aSecondBefore = SignInThrottle.counting(locked, at: Date(timeIntervalSince1970: 1_800_000_899), limit: limit)
        #expect(aSecondBefore.attempts == 10)
    }

    @Test func a_client_is_allowed_more_than_an_account() {
        #expect(SignInThrottle.perClient.attempts > SignInThrottle.perAccount.attempts)
    }
}

@Suite struct ClientAddressTests {
    @Test func the_peer_is_the_client_when_no_proxy_is_trusted() {
        #expect(ClientAddress.resolve(peer: "203.0.113.7", forwardedFor: ["198.51.100.1"], trustedProxy: nil) == "203.0.113.7")
    }

    @Test func a_forwarded_address_from_an_untrusted_peer_is_ignored() {
        #expect(ClientAddress.resolve(peer: "203.0.113.7", forwardedFor: ["198.51.100.1"], trustedProxy: "10.0.0.2") == "203.0.113.7")
    }

    @Test func behind_the_trusted_proxy_the_address_it_appended_last_counts() {
        // The client wrote "1.2.3.4" itself; the proxy appended the address it saw.
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["1.2.3.4, 198.51.100.1"], trustedProxy: "10.0.0.2") == "198.51.100.1")
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["1.2.3.4", "2001:DB8::1"], trustedProxy: "10.0.0.2") == "2001:db8::1")
    }

    @Test func the_trusted_proxy_without_a_usable_forwarded_address_is_the_client() {
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: [], trustedProxy: "10.0.0.2") == "10.0.0.2")
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["evil.example"], trustedProxy: "10.0.0.2") == "10.0.0.2")
    }

    @Test func no_peer_means_no_address() {
        #expect(ClientAddress.resolve(peer: nil, forwardedFor: ["198.51.100.1"], trustedProxy: nil) == nil)
    }
}

@Suite struct CohortDraftTests {
    @Test func standup_defaults_to_ten_oclock() throws {
        let draft = try CohortDraft.validate(name: "November 2026", courseEndDate: "2026-11-20", timeZone: "Europe/London", standupTime: "")
        #expect(draft.standupTime.description == "10:00")
        #expect(draft.courseEndDate.iso == "2026-11-20")
    }

    @Test func every_bad_field_is_reported_at_once() {
        #expect {
            _ = try CohortDraft.validate(name: " ", courseEndDate: "2026-02-30", timeZone: "Mars/Olympus", standupTime: "25:00")
        } throws: { error in
            guard let errors = error as? ValidationErrors else { return false }
            return Set(errors.errors.map(\.field)) == ["name", "course_end_date", "time_zone", "standup_time"]
        }
    }

    @Test(arguments: ["9:30", "09:30", "23:59", "00:00"])
    func standup_time_accepts_hours_and_minutes(_ text: String) {
        #expect(StandupTime(text) != nil)
    }

    @Test(arguments: ["930", "24:00", "12:60", "ab:cd", "12:5"])
    func standup_time_refuses_anything_else(_ text: String) {
        #expect(StandupTime(text) == nil)
    }

    @Test func abbreviations_are_not_time_zones() {
        #expect(TimeZones.isValid("UTC"))
        #expect(TimeZones.isValid("America/New_York"))
        #expect(!TimeZones.isValid("EST5EDT") || TimeZone.knownTimeZoneIdentifiers.contains("EST5EDT"))
        #expect(!TimeZones.isValid("Not/AZone"))
    }
}

@Suite struct LocalDateTests {
    @Test func day_depends_on_the_time_zone() {
        // 2026-11-23 23:30 UTC is already the 24th in Auckland and still the 23rd in New York.
        let instant = Date(timeIntervalSince1970: 1_795_476_600)
        #expect(LocalDate(instant, in: TimeZone(identifier: "UTC")!).iso == "2026-11-23")
        #expect(LocalDate(instant, in: TimeZone(identifier: "Pacific/Auckland")!).iso == "2026-11-24")
        #expect(LocalDate(instant, in: TimeZone(identifier: "America/New_York")!).iso == "2026-11-23")
    }

    @Test(arguments: ["2026-13-01", "2026-02-29", "26-01-01", "2026/01/01", ""])
    func impossible_dates_are_refused(_ text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func leap_day_exists_in_leap_years() {
        #expect(LocalDate(iso: "2028-02-29") != nil)
    }
}

@Suite struct ProfileDraftTests {
    @Test func stacks_are_trimmed_and_deduplicated_in_order() {
        #expect(Stacks.parse(" Swift, vapor,,React ,swift") == ["Swift", "vapor", "React"])
    }

    @Test func github_login_may_be_typed_with_an_at_sign() throws {
        let draft = try ProfileDraft.validate(name: "Ada", timeZone: "UTC", githubLogin: "@ada-l", stacks: "", bio: "")
        #expect(draft.githubLogin == "ada-l")
    }

    @Test(arguments: ["-ada", "ada-", "a--da", "ada lovelace", String(repeating: "a", count: 40), "ada_l"])
    func invalid_github_logins_are_refused(_ login: String) {
        #expect(!ProfileDraft.isGitHubLogin(login))
    }

    @Test func long_bio_is_refused_with_its_length() {
        #expect(throws: ValidationErrors.self) {
            _ = try ProfileDraft.validate(name: "Ada", timeZone: "UTC", githubLogin: "", stacks: "", bio: String(repeating: "b", count: 601))
        }
    }
}

@Suite struct AccessTests {
    let graduate = Access.Owner(id: "g1", role: .graduate, coachIDs: ["c1"])

    @Test func graduate_reads_only_their_own_records() {
        #expect(Access.canRead(Viewer(id: "g1", role: .graduate), recordOf: graduate))
        #expect(!Access.canRead(Viewer(id: "g2", role: .graduate), recordOf: graduate))
    }

    @Test func coach_reads_assigned_graduates_only() {
        #expect(Access.canRead(Viewer(id: "c1", role: .coach), recordOf: graduate))
        #expect(!Access.canRead(Viewer(id: "c2", role: .coach), recordOf: graduate))
    }

    @Test func coach_cannot_read_another_coach_even_if_listed() {
        let coach = Access.Owner(id: "c9", role: .coach, coachIDs: ["c1"])
        #expect(!Access.canRead(Viewer(id: "c1", role: .coach), recordOf: coach))
    }

    @Test func partner_reads_only_what_a_graduate_shared() {
        let shared = Access.Owner(id: "g1", role: .graduate, sharedWithPartners: true)
        #expect(!Access.canRead(Viewer(id: "p1", role: .partner), recordOf: graduate))
        #expect(Access.canRead(Viewer(id: "p1", role: .partner), recordOf: shared))
    }

    @Test func admin_reads_everything() {
        #expect(Access.canRead(Viewer(id: "a1", role: .admin), recordOf: graduate))
        #expect(Access.canReadJobSearch(Viewer(id: "a1", role: .admin), of: graduate))
    }

    @Test func only_the_graduate_writes_their_job_search_not_a_coach_nor_an_admin() {
        #expect(Access.canWriteJobSearch(Viewer(id: "g1", role: .graduate), of: graduate))
        #expect(!Access.canWriteJobSearch(Viewer(id: "a1", role: .admin), of: graduate))
        #expect(!Access.canWriteJobSearch(Viewer(id: "c1", role: .coach), of: graduate))
        #expect(!Access.canWriteJobSearch(Viewer(id: "g2", role: .graduate), of: graduate))
        // A coach has no job search of their own to write.
        let coach = Access.Owner(id: "c1", role: .coach)
        #expect(!Access.canWriteJobSearch(Viewer(id: "c1", role: .coach), of: coach))
    }

    @Test func a_job_search_is_read_by_the_graduate_their_coaches_and_an_admin() {
        #expect(Access.canReadJobSearch(Viewer(id: "g1", role: .graduate), of: graduate))
        #expect(Access.canReadJobSearch(Viewer(id: "c1", role: .coach), of: graduate))
        #expect(!Access.canReadJobSearch(Viewer(id: "c2", role: .coach), of: graduate))
        #expect(!Access.canReadJobSearch(Viewer(id: "g2", role: .graduate), of: graduate))
        let shared = Access.Owner(id: "g1", role: .graduate, sharedWithPartners: true)
        #expect(!Access.canReadJobSearch(Viewer(id: "p1", role: .partner), of: shared))
    }

    @Test func a_placement_is_corrected_by_the_graduates_coach_or_an_admin_only() {
        #expect(Access.canCorrectPlacement(Viewer(id: "c1", role: .coach), of: graduate))
        #expect(Access.canCorrectPlacement(Viewer(id: "a1", role: .admin), of: graduate))
        #expect(!Access.canCorrectPlacement(Viewer(id: "c2", role: .coach), of: graduate))
        #expect(!Access.canCorrectPlacement(Viewer(id: "g1", role: .graduate), of: graduate))
        #expect(!Access.canCorrectPlacement(Viewer(id: "p1", role: .partner), of: graduate))
    }

    @Test(arguments: Role.allCases)
    func each_role_has_its_own_areas(_ role: Role) {
        let viewer = Viewer(id: "x", role: role)
        #expect(Access.keepsJobSearch(viewer) == (role == .graduate))
        #expect(Access.coachesGraduates(viewer) == (role == .coach))
        #expect(Access.shortlistsCandidates(viewer) == (role == .partner))
        #expect(Access.runsBootcamp(viewer) == (role == .admin))
        #expect(Access.readsOthersJobSearches(viewer) == (role == .coach || role == .admin))
    }
}
