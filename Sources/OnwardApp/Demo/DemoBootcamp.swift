import ConsoleKit
import Fluent
import Foundation
import OnwardCore
import Vapor

/// A believable bootcamp to look around in: an admin, two coaches, a partner, a cohort of twelve
/// graduates a few weeks into their job search, a cohort of two who finished last week, and a
/// cohort of eight who graduated over 180 days ago (for the outcome report).
enum DemoBootcamp {
    /// The one password of every demo account. Demo data only; it is printed at start-up.
    static let password = "onward-demo-2026"
    static let domain = "demo.onward.example"

    struct Person {
        let name: String
        let github: String
        let stacks: [String]
        let bio: String
    }

    static let graduates: [Person] = [
        Person(name: "Amara Okafor", github: "amara-okafor", stacks: ["Ruby on Rails", "PostgreSQL"], bio: "Former pharmacist. Built a medicine-reminder app for my final project; looking for a junior back-end role."),
        Person(name: "Ben Hartley", github: "benhartley-dev", stacks: ["JavaScript", "React", "Node.js"], bio: "Ex-retail manager who likes tidy UIs and tidier tests."),
        Person(name: "Chloé Martin", github: "chloe-m", stacks: ["TypeScript", "React"], bio: "Designer turned front-end developer. Accessibility nerd."),
        Person(name: "Dev Patel", github: "devpatel-codes", stacks: ["Python", "Django"], bio: "Taught maths for six years; now teaching computers instead."),
        Person(name: "Elena Rossi", github: "elenarossi", stacks: ["Java", "Spring"], bio: "Logistics analyst who automated her old job and wanted more."),
        Person(name: "Femi Adeyemi", github: "femi-a", stacks: ["Ruby", "JavaScript"], bio: "Musician and self-taught tinkerer. Pair programming is my favourite part of the day."),
        Person(name: "Grace Liu", github: "gracel", stacks: ["Swift", "iOS"], bio: "Shipped a small iOS habit tracker to the App Store during the course."),
        Person(name: "Hamza Ali", github: "hamza-ali-dev", stacks: ["Go", "PostgreSQL", "Docker"], bio: "Former network technician, happiest near the infrastructure."),
        Person(name: "Isla Murray", github: "islamurray", stacks: ["JavaScript", "Vue"], bio: "Career changer from marketing; I write about learning to code."),
        Person(name: "Jonas Weber", github: "jweber", stacks: ["C#", ".NET"], bio: "Ex-accountant who likes correct numbers and clear code."),
        Person(name: "Keisha Brown", github: "keishab", stacks: ["Python", "Flask", "React"], bio: "Care worker turned developer, building tools for carers."),
        Person(name: "Luca Bianchi", github: "luca-bianchi", stacks: ["Kotlin", "Android"], bio: "Chef for ten years. Now I cook apps."),
    ]

    /// The graduates of a cohort that has just finished the course.
    static let newGraduates: [Person] = [
        Person(name: "Noor Haddad", github: "noor-haddad", stacks: ["Ruby on Rails", "Hotwire"], bio: "Former translator. Finished the course last week with a volunteering-rota app."),
        Person(name: "Oscar Lindqvist", github: "oscarl", stacks: ["JavaScript", "Next.js"], bio: "Ex-barista who fell for the web through a café's booking site."),
    ]

    /// Seeds when the database has no accounts, and prints the sign-ins either way.
    static func seedIfEmpty(_ app: Application, console: any Console) async throws {
        let db = app.db
        if try await UserModel.query(on: db).count() == 0 {
            try await seed(app)
            console.print("Seeded the demo bootcamp.")
        } else {
            console.print("The database already has accounts: the demo bootcamp is not seeded again.")
        }
        console.print("Demo sign-ins (password for all: \(password)):")
        for (role, email) in signIns {
            console.print("  \(role.title.padding(toLength: 9, withPad: " ", startingAt: 0)) \(email)  \(password)")
        }
    }

    static var signIns: [(Role, String)] {
        [
            (.admin, "admin@\(domain)"),
            (.coach, "coach.priya@\(domain)"),
            (.coach, "coach.tom@\(domain)"),
            (.partner, "partner@\(domain)"),
            (.graduate, email(for: graduates[0].name)),
        ]
    }

    static func email(for name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en"))
        return folded.lowercased().replacingOccurrences(of: " ", with: ".") + "@" + domain
    }

    static func seed(_ app: Application) async throws {
        let hash = try await app.password.async.hash(password)
        let now = app.settings.clock.now
        let zone = "Europe/London"
        let courseEnd = LocalDate(now.addingTimeInterval(-24 * 86_400), in: TimeZone(identifier: zone)!)
        try await app.db.transaction { db in
            let cohort = CohortModel(draft: CohortDraft(name: "Autumn 2026", courseEndDate: courseEnd, timeZone: zone, standupTime: CohortDraft.defaultStandupTime))
            try await cohort.create(on: db)

            func person(_ name: String, _ email: String, _ role: Role, cohort: UUID? = nil) -> UserModel {
                UserModel(email: email, name: name, passwordHash: hash, role: role, cohortID: cohort, timeZone: zone)
            }
            let admin = person("Sam Okoye", "admin@\(domain)", .admin)
            let priya = person("Priya Natarajan", "coach.priya@\(domain)", .coach)
            priya.bio = "Technical coach. Ask me about katas, code review and mock interviews."
            let tom = person("Tom Fletcher", "coach.tom@\(domain)", .coach)
            tom.bio = "Careers coach. CVs, applications and interview practice."
            let partner = person("Rachel Adams", "partner@\(domain)", .partner)
            for user in [admin, priya, tom, partner] { try await user.create(on: db) }

            var graduateUsers: [UserModel] = []
            for (index, graduate) in graduates.enumerated() {
                let user = person(graduate.name, email(for: graduate.name), .graduate, cohort: try cohort.requireID())
                graduateUsers.append(user)
                user.githubLogin = graduate.github
                user.stacks = graduate.stacks
                user.bio = graduate.bio
                try await user.create(on: db)
                // Priya coaches the first half, Tom the second; Priya also sees two of Tom's.
                let coaches = index < 6 ? [priya] : (index < 8 ? [tom, priya] : [tom])
                for coach in coaches {
                    try await CoachAssignmentModel(coachID: try coach.requireID(), graduateID: try user.requireID()).create(on: db)
                }
            }
            try await DemoJobSearch.seed(graduates: graduateUsers, on: db, today: LocalDate(now, in: TimeZone(identifier: zone)!))
            try await DemoProgramme.seed(cohort: cohort, graduates: graduateUsers, coach: priya, on: db, now: now)
            try await DemoCoaching.seed(graduates: graduateUsers, coaches: (priya, tom), on: db, now: now)
            try await DemoCoaching.seedSupport(graduates: graduateUsers, coaches: (priya, tom), on: db, now: now)
            try await DemoCoaching.seedPlans(graduates: graduateUsers, coaches: (priya, tom), on: db, now: now)

            // A cohort that finished last week: its graduates are in week 1 of the programme.
            let today = LocalDate(now, in: TimeZone(identifier: zone)!)
            let winter = CohortModel(draft: CohortDraft(name: "Winter 2026", courseEndDate: today.startOfWeek.adding(days: -3), timeZone: zone,
                                                        standupTime: CohortDraft.defaultStandupTime))
            try await winter.create(on: db)
            var newcomers: [UserModel] = []
            for newcomer in newGraduates {
                let user = person(newcomer.name, email(for: newcomer.name), .graduate, cohort: try winter.requireID())
                user.githubLogin = newcomer.github
                user.stacks = newcomer.stacks
                user.bio = newcomer.bio
                try await user.create(on: db)
                try await CoachAssignmentModel(coachID: try tom.requireID(), graduateID: try user.requireID()).create(on: db)
                newcomers.append(user)
            }
            try await DemoProgramme.seedFirstWeek(cohort: winter, graduates: newcomers, on: db, now: now)
            try await DemoCoaching.seedEvents(autumn: cohort, winter: winter, graduates: graduateUsers, coaches: (priya, tom), admin: admin, zone: zone, on: db, now: now)
            try await DemoPractice.seed(graduates: graduateUsers, coaches: (priya, tom), zone: zone, on: db, now: now)
            try await DemoEvidence.seed(graduates: graduateUsers, on: db, now: now)
            try await DemoEvidence.shortlist(graduates: graduateUsers, coach: priya, partner: partner, on: db, now: now)
            try await DemoIntegrations.seed(cohort: cohort, graduates: graduateUsers, coach: priya, admin: admin, on: db, now: now)

            // A cohort that graduated over 180 days ago, for the outcome report; Tom coached it.
            let springEnd = today.adding(days: -215)
            let spring = CohortModel(draft: CohortDraft(name: "Spring 2026", courseEndDate: springEnd, timeZone: zone, standupTime: CohortDraft.defaultStandupTime))
            try await spring.create(on: db)
            var alumni: [UserModel] = []
            for alumnus in DemoOutcomes.graduates {
                let user = person(alumnus.name, email(for: alumnus.name), .graduate, cohort: try spring.requireID())
                user.stacks = alumnus.stacks
                user.bio = alumnus.bio
                try await user.create(on: db)
                try await CoachAssignmentModel(coachID: try tom.requireID(), graduateID: try user.requireID()).create(on: db)
                alumni.append(user)
            }
            try await DemoOutcomes.seed(courseEnd: springEnd, people: alumni, coach: tom, on: db, now: now)
        }
    }
}
