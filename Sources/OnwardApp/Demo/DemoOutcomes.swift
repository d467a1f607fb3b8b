import Fluent
import Foundation
import OnwardCore

/// A cohort that graduated over 180 days ago, so the outcome report shows real figures on first
/// start: jobs confirmed with their documentation (one accepted before graduating, one a second
/// job, one a salary range), a job still waiting for confirmation, one graduate not seeking work,
/// one who withdrew, and one nobody has heard from.
enum DemoOutcomes {
    static let graduates: [DemoBootcamp.Person] = [
        .init(name: "Ines Moreau", github: "", stacks: ["Ruby on Rails"], bio: "Former paralegal, now a back-end developer at a legal-tech start-up."),
        .init(name: "Kwame Asante", github: "", stacks: ["JavaScript", "React"], bio: "Accepted an offer in the course's last week."),
        .init(name: "Lena Fischer", github: "", stacks: ["Python"], bio: "Data apprentice at a housing association."),
        .init(name: "Marco Silva", github: "", stacks: ["Java"], bio: "Took a support role first, then a developer job."),
        .init(name: "Nadia Rahman", github: "", stacks: ["TypeScript"], bio: "Started as a junior front-end developer in the spring."),
        .init(name: "Owen Price", github: "", stacks: ["Python"], bio: "Back to teaching, building tools for the classroom."),
        .init(name: "Priti Shah", github: "", stacks: ["JavaScript"], bio: "Left the course in its eighth week."),
        .init(name: "Quinn Taylor", github: "", stacks: ["Go"], bio: ""),
    ]

    /// `cohort` ended `courseEnd`; its graduates are `people` (in the order of `graduates`).
    static func seed(courseEnd: LocalDate, people: [UserModel], coach: UserModel, on db: any Database, now: Date) async throws {
        let search = JobSearch(db: db, now: now)
        let coachID = try coach.requireID()
        func day(_ offset: Int) -> LocalDate { courseEnd.adding(days: offset) }
        func enrol(_ person: UserModel, state: EnrolmentState = .graduated, on stateDay: LocalDate? = nil, intent: Intent = .seeking, note: String = "") async throws {
            let enrolment = EnrolmentModel()
            enrolment.$user.id = try person.requireID()
            enrolment.enrolledOn = day(-OutcomesUseCases.assumedCourseDays).iso
            enrolment.state = state
            enrolment.stateOn = (stateDay ?? courseEnd).iso
            enrolment.intent = intent
            enrolment.intentNote = note
            enrolment.$recordedBy.id = coachID
            enrolment.recordedAt = now
            try await enrolment.create(on: db)
        }
        /// A job accepted on `accepted`, as the graduate records it; with `confirmed`, confirmed.
        func job(_ person: UserModel, at company: String, _ title: String, accepted: Int, type: EmploymentType = .fullTime, inField: Bool = true, salary: Int,
                 confirmed: (OutcomeCode, Salary?, OutcomeSource, String)?) async throws {
            let application = try await search.create(for: person, draft: ApplicationDraft(company: company, roleTitle: title), stage: .offer, on: day(accepted - 7))
            try await search.move(application, to: .accepted, on: day(accepted),
                                  placement: PlacementDraft(startDate: day(accepted + 21), jobTitle: title, employmentType: type, inField: inField, salary: salary))
            guard let (code, pay, source, note) = confirmed else { return }
            let placement = try await PlacementModel.query(on: db).filter(\.$application.$id == application.requireID()).first()
            let draft = OutcomeDraft(code: code, beganOn: day(accepted), salary: pay, source: source, note: note)
            try await OutcomeRecordModel(userID: person.requireID(), draft: draft, placementID: placement?.id, by: coachID, at: now).create(on: db)
        }
        let (ines, kwame, lena, marco, nadia, owen, priti, quinn) = (people[0], people[1], people[2], people[3], people[4], people[5], people[6], people[7])
        for person in [ines, kwame, lena, marco, nadia, quinn] { try await enrol(person) }
        try await enrol(owen, intent: .notSeeking, note: "Returning to teaching; took the course to build tools for the classroom.")
        try await enrol(priti, state: .withdrew, on: day(-40))
        try await job(ines, at: "Clause & Co", "Junior Back-end Developer", accepted: 34, salary: 32_000,
                      confirmed: (.fullTimeEmployee, .exact(32_000), .employer, "Offer letter and the employer's confirmation email."))
        try await job(kwame, at: "Brightside", "Front-end Developer", accepted: -5, salary: 33_000,
                      confirmed: (.fullTimeEmployee, .range(30_000, 36_000), .graduate, "Signed contract; the salary band as the advert gave it."))
        try await job(lena, at: "Homes North", "Data Apprentice", accepted: 95, type: .apprenticeship, salary: 24_000,
                      confirmed: (.fullTimeContract, .exact(24_000), .employer, "Apprenticeship agreement."))
        try await job(marco, at: "Helpdesk Ltd", "IT Support Analyst", accepted: 40, inField: false, salary: 23_000,
                      confirmed: (.outOfField, .exact(23_000), .publicProfile, "LinkedIn profile."))
        try await job(marco, at: "Ledgerly", "Java Developer", accepted: 150, salary: 35_000,
                      confirmed: (.fullTimeEmployee, .exact(35_000), .recruiter, "The recruiter who placed him confirmed by email."))
        try await job(nadia, at: "Pixel Yard", "Junior Front-end Developer", accepted: 60, salary: 30_000, confirmed: nil)
    }
}
