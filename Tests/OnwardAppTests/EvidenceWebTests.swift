import Fluent
import Foundation
import NIOCore
import OnwardCore
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// GitHub's webhook: only a delivery signed with the secret is read; a push counts each new
/// commit of the graduate who linked the pushing login once, whatever is delivered again; the
/// graduate's home shows the week's count against the target. The clock is Monday 23 November
/// 2026, 12:00 UTC.
extension AppTests {
    @Suite struct EvidenceWebTests {
        static let secret = "a webhook secret of some length"
        static func sha(_ n: Int) -> String { String(format: "%040x", n) }

        static func push(_ shas: [String], login: String = "grace-codes", at: String = "2026-11-23T09:30:00Z") -> [UInt8] {
            let commits = shas.map { #"{"id":"\#($0)","distinct":true,"timestamp":"\#(at)"}"# }.joined(separator: ",")
            return Array(#"{"ref":"refs/heads/main","sender":{"login":"\#(login)"},"commits":[\#(commits)]}"#.utf8)
        }

        static func deliver(_ app: Application, _ body: [UInt8], event: String = "push", delivery: String = UUID().uuidString,
                            signature: String?? = nil) async throws -> TestingHTTPResponse {
            try await app.testing().sendRequest(.POST, SiteURL.evidence(.githubWebhook).path, headers: {
                var headers = HTTPHeaders([("X-GitHub-Event", event), ("X-GitHub-Delivery", delivery), ("Content-Type", "application/json")])
                if let signed = signature ?? GitHubWebhook.signature(of: body, secret: secret) { headers.add(name: "X-Hub-Signature-256", value: signed) }
                return headers
            }(), body: ByteBuffer(bytes: body))
        }

        @Test func only_a_signed_push_counts_and_each_commit_counts_once() async throws {
            try await withApp(settings: { $0.githubWebhookSecret = Self.secret }) { app in
                let world = try await World.make(on: app)
                world.graduate.githubLogin = "Grace-Codes"
                try await world.graduate.save(on: app.db)
                let body = Self.push([Self.sha(1), Self.sha(2)])
                #expect(try await Self.deliver(app, body, signature: .some(nil)).status == .unauthorized, "unsigned")
                #expect(try await Self.deliver(app, body, signature: GitHubWebhook.signature(of: body, secret: "another secret of some length")).status == .unauthorized)
                #expect(try await GitHubCommitModel.query(on: app.db).count() == 0, "nothing written")
                #expect(try await GitHubDeliveryModel.query(on: app.db).count() == 0)
                #expect(try await Self.deliver(app, Array("{}".utf8), event: "ping").status == .ok)

                let delivery = UUID().uuidString
                let first = try await Self.deliver(app, body, delivery: delivery)
                #expect(first.status == .ok && first.body.string.contains(#""commits":2"#))
                // GitHub delivers the same again, and the same commit comes in another push.
                let again = try await Self.deliver(app, body, delivery: delivery)
                #expect(again.status == .ok && again.body.string.contains(#""redelivered":true"#))
                #expect(try await Self.deliver(app, Self.push([Self.sha(2), Self.sha(3)])).body.string.contains(#""commits":1"#))
                #expect(try await GitHubCommitModel.query(on: app.db).count() == 3)
                // A login nobody linked is left; an unreadable push is refused.
                #expect(try await Self.deliver(app, Self.push([Self.sha(4)], login: "someone-else")).body.string.contains(#""commits":0"#))
                #expect(try await Self.deliver(app, Array(#"{"sender":{"login":"grace-codes"},"commits":[{"id":"nope","timestamp":"x"}]}"#.utf8)).status == .badRequest)
                #expect(try await GitHubCommitModel.query(on: app.db).count() == 3)

                // Grace's home: three this week, the target met; her day is her zone's.
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                let home = try await grace.get(SiteURL.homes(.graduate).path).text
                #expect(home.contains("3 commits this week: the 3 a week you aim at.") && home.contains("Mon 23 Nov 2026: 3 commits") == false)
                #expect(home.contains("23 Nov 2026: 3 commits"))
                // Her coach reads the same on the page about her; a coach who is not hers does not.
                let cora = Browser(app), uma = Browser(app)
                try await cora.signIn(world.coach)
                try await uma.signIn(world.unassignedCoach)
                let about = SiteURL.homes(.person(id: world.graduate.requireIDString)).path
                let coachSees = try await cora.get(about).text
                #expect(coachSees.contains("Commits of Grace Graduate") && coachSees.contains("the 3 a week they aim at"))
                #expect(!(try await uma.get(about).text.contains("Commits of")))
                // The API says the same; a coach names her; a coach naming nobody is told to.
                let token = try await APITests.token(for: world.graduate, app: app)
                let mine = try await APITests.send(app, .GET, "/api/v1/contributions", token: token)
                let json = try #require(try JSONSerialization.jsonObject(with: Data(mine.body.string.utf8)) as? [String: Any])
                #expect(json["this_week"] as? Int == 3 && json["total"] as? Int == 3 && json["github_login"] as? String == "Grace-Codes")
                #expect((json["days"] as? [[String: Any]])?.map { $0["count"] as? Int } == [3])
                let coachToken = try await APITests.token(for: world.coach, app: app)
                #expect(try await APITests.send(app, .GET, "/api/v1/contributions?graduate_id=\(world.graduate.requireIDString)", token: coachToken).status == .ok)
                #expect(try await APITests.send(app, .GET, "/api/v1/contributions", token: coachToken).status == .forbidden)
                // Otto, with no login linked, is told where to link one.
                let otto = Browser(app)
                try await otto.signIn(world.otherGraduate)
                #expect(try await otto.get(SiteURL.homes(.graduate).path).text.contains("Link your GitHub login on"))
            }
        }

        @Test func many_deliveries_at_once_count_each_commit_once() async throws {
            try await withApp(settings: { $0.githubWebhookSecret = Self.secret }) { app in
                let world = try await World.make(on: app)
                world.graduate.githubLogin = "grace-codes"
                try await world.graduate.save(on: app.db)
                let body = Self.push((1...5).map(Self.sha))
                let delivery = UUID().uuidString
                let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                    for n in 0..<8 { group.addTask { try await Self.deliver(app, body, delivery: n < 4 ? delivery : UUID().uuidString).status } }
                    return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
                }
                #expect(statuses.allSatisfy { $0 == .ok }, "\(statuses)")
                #expect(try await GitHubCommitModel.query(on: app.db).count() == 5)
                #expect(try await GitHubDeliveryModel.query(on: app.db).count() == 5, "one delivery sent four times, four others")
            }
        }

        @Test func a_body_over_the_limit_is_refused_unread() async throws {
            try await withApp(settings: { $0.githubWebhookSecret = Self.secret }) { app in
                let body = [UInt8](repeating: 0x20, count: GitHubWebhook.maxBodyBytes + 1)
                let status = try await Self.deliver(app, body).status
                #expect(status == .payloadTooLarge)
            }
        }
    }
}
