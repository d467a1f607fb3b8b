import Fluent
import Foundation
import OnwardCore
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import OnwardApp

/// Pairing: a graduate asks, another who asks at a time that meets is proposed to them, both
/// accept, add the link and note afterwards; bad input writes nothing; answers and requests at
/// once; a decline sends the request to someone else; a volunteer; a coach's match by hand.
extension AppTests {
    @Suite struct PairingWebTests {
        /// Tuesday 24 November, 10:00 to 12:00 in London (UTC in November).
        static let ask = ["topic": "The bowling kata in Ruby", "kind_kata": "yes", "window1_day": "2026-11-24", "window1_start": "10:00", "window1_end": "12:00"]

        static func graduate(_ name: String, app: Application, world: World) async throws -> UserModel {
            try await world.graduate(name, email: name.lowercased() + "@example.org", on: app)
        }

        @Test func two_who_ask_at_times_that_meet_are_proposed_both_accept_add_the_link_and_note_afterwards() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let grace = Browser(app), otto = Browser(app)
                try await grace.signIn(world.graduate)
                try await otto.signIn(world.otherGraduate)
                #expect(try await grace.post(SiteURL.practice(.pairing).path, Self.ask).status == .seeOther)
                let waiting = try await grace.get(SiteURL.practice(.pairing).path).text
                #expect(waiting.contains("Your request is in.") && waiting.contains("The bowling kata in Ruby") && waiting.contains("Withdraw the request"))
                #expect(try await PairingModel.query(on: app.db).count() == 0, "nobody to pair with yet")
                // Otto asks for 11:00 to 13:00 on a kata or a project: they share 11:00 to 12:00.
                #expect(try await otto.post(SiteURL.practice(.pairing).path, ["topic": "Roman numerals, test first", "kind_kata": "yes", "kind_project": "yes",
                                                                             "window1_day": "2026-11-24", "window1_start": "11:00", "window1_end": "13:00"]).status == .seeOther)
                #expect(try await otto.get(SiteURL.practice(.pairing).path).text.contains("We found a match: accept it below."))
                let pairing = try #require(try await PairingModel.query(on: app.db).first())
                #expect(pairing.state == .proposed && pairing.startsAt == InternetDateTime.parse("2026-11-24T11:00:00Z"))
                let proposed = try await grace.get(SiteURL.practice(.pairing).path).text
                #expect(proposed.contains("Proposed to you") && proposed.contains("Otto Other: Roman numerals, test first") && proposed.contains("Tue 24 Nov 2026, 11:00–12:00"))
                #expect(try await grace.get(SiteURL.homes(.graduate).path).text.contains("Pairing proposed, waiting for your answer: </strong><a href=\"\(SiteURL.practice(.pairingSession(id: pairing.requireIDString)).path)\">Otto Other, "))
                let answer = SiteURL.practice(.answerPairing(id: pairing.requireIDString)).path
                #expect(try await grace.post(answer, ["answer": "accept"]).status == .seeOther)
                #expect(try await grace.get(SiteURL.practice(.pairingSession(id: pairing.requireIDString)).path).text.contains("Waiting for Otto Other"))
                #expect(try await otto.post(answer, ["answer": "accept"]).status == .seeOther)
                #expect(try await PairingModel.find(pairing.id, on: app.db)?.state == .accepted)
                #expect(try await PairingRequestModel.query(on: app.db).filter(\.$status == .paired).count() == 2, "both requests are closed")
                let page = SiteURL.practice(.pairingSession(id: pairing.requireIDString)).path
                #expect(try await otto.get(page).text.contains("Accepted by both: you are paired."))
                // The link: a bad one is refused on the page; a good one both see.
                let link = SiteURL.practice(.pairingLink(id: pairing.requireIDString)).path
                let bad = try await grace.post(link, ["link": "javascript:alert(1)"])
                #expect(bad.status == .unprocessableEntity && bad.text.contains("Please check the form"))
                #expect(try await grace.post(link, ["link": "https://meet.example/kata"]).status == .seeOther)
                #expect(try await otto.get(page).text.contains("https://meet.example/kata"))
                #expect(try await otto.get(SiteURL.practice(.pairing).path).text.contains("Coming up (1)"))
                #expect(try await otto.get(SiteURL.homes(.graduate).path).text.contains("Next pairing: </strong><a href=\"\(page)\">Grace Graduate, "), "the partner, not themselves")
                // Notes come after the start.
                let note = SiteURL.practice(.notePairing(id: pairing.requireIDString)).path
                #expect(try await grace.post(note, ["note": "Frames"]).status == .seeOther)
                #expect(try await grace.get(page).text.contains("once an accepted pairing has begun"))
                try await PairingUseCases(db: app.db, now: pairing.startsAt.addingTimeInterval(1_800)).note(pairing.requireIDString, "Spares and strikes, test first", by: world.graduate)
                #expect(try await otto.get(page).text.contains("Worked on: Spares and strikes, test first"))
                // Who else sees it: Grace's coach and an admin; nobody else.
                let coach = Browser(app)
                try await coach.signIn(world.coach)
                #expect(try await coach.get(page).text.contains("Worked on: Spares and strikes, test first"))
                for outsider in [world.unassignedCoach, world.partner] {
                    let browser = Browser(app)
                    try await browser.signIn(outsider)
                    #expect(try await browser.get(page).status == .notFound)
                }
            }
        }

        @Test func a_request_goes_by_the_profiles_stacks_and_is_never_matched_across_one_it_avoids() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                world.graduate.stacks = ["Ruby", "Rails"]
                try await world.graduate.save(on: app.db)
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                #expect(try await grace.get(SiteURL.practice(.pairing).path).text.contains(#"value="Ruby, Rails""#), "prefilled from the profile")
                // Otto asks for a tech test in JavaScript at the same hours.
                let express = try PairingRequestDraft.validate(topic: "A small API in Express", kinds: ["tech_test"], stacks: "JavaScript, Express",
                                                               windows: .rows([WindowRow(day: "2026-11-24", start: "10:00", end: "12:00")], timeZone: .gmt), now: testNow)
                try await PairingUseCases(db: app.db, now: testNow).ask(express, by: world.otherGraduate)
                let ask = Self.ask.merging(["kind_kata": "", "kind_tech_test": "yes", "stacks": "Ruby, Rails"]) { $1 }
                let both = try await grace.post(SiteURL.practice(.pairing).path, ask.merging(["avoid_stacks": "rails"]) { $1 })
                #expect(both.status == .unprocessableEntity && both.text.contains("rails is in both lists"))
                #expect(try await PairingRequestModel.query(on: app.db).count() == 1)
                #expect(try await grace.post(SiteURL.practice(.pairing).path, ask.merging(["avoid_stacks": "JavaScript"]) { $1 }).status == .seeOther)
                let page = try await grace.get(SiteURL.practice(.pairing).path).text
                #expect(page.contains("A tech test · Ruby, Rails · not JavaScript") && page.contains("looking for a partner"))
                #expect(try await PairingModel.query(on: app.db).count() == 0, "Otto works in JavaScript and shares no stack with Grace")
                // Sam asks in Ruby, not Express: proposed to Grace (Otto, who asked first, would have taken anyone who avoids nothing of his).
                let sam = try await Self.graduate("Sam", app: app, world: world)
                let ruby = try PairingRequestDraft.validate(topic: "Sinatra", kinds: ["tech_test"], stacks: "ruby", avoiding: "Express",
                                                            windows: .rows([WindowRow(day: "2026-11-24", start: "11:00", end: "12:00")], timeZone: .gmt), now: testNow)
                let proposal = try #require(try await PairingUseCases(db: app.db, now: testNow).ask(ruby, by: sam).proposal)
                #expect(proposal.sides == [world.graduate.requireIDString, sam.requireIDString])
                // The API says the same, and refuses a stack with a comma in it, naming the field.
                let token = try await APITests.token(for: world.otherGraduate, app: app)
                let listed = try await APITests.send(app, .GET, "/api/v1/pairing-requests", token: token)
                let request = try #require((try JSONSerialization.jsonObject(with: Data(listed.body.string.utf8)) as? [[String: Any]])?.first)
                #expect(request["stacks"] as? [String] == ["JavaScript", "Express"] && request["kinds"] as? [String] == ["tech_test"] && request["avoid_stacks"] as? [String] == [])
                let sams = try await APITests.token(for: sam, app: app)
                let comma = try await APITests.send(app, .PUT, "/api/v1/volunteering", token: sams, json: #"{"topics":"Ruby","kinds":["kata"],"stacks":["Ruby, Rails"],"windows":[{"start":"2026-11-27T10:00:00Z","end":"2026-11-27T12:00:00Z"}]}"#)
                #expect(comma.status == .unprocessableEntity && comma.body.string.contains(#""stacks""#))
                #expect(try await PairingVolunteerModel.query(on: app.db).count() == 0)
            }
        }

        @Test func the_categories_pairing_once_went_by_become_kinds_of_session() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let draft = try PairingRequestDraft.validate(topic: "Katas", kinds: ["kata"], windows: .rows([WindowRow(day: "2026-11-26", start: "07:00", end: "08:00")], timeZone: .gmt),
                                                             now: testNow)
                let request = try await PairingUseCases(db: app.db, now: testNow).ask(draft, by: world.graduate).request
                try await (app.db as! any SQLDatabase).raw("UPDATE pairing_requests SET tags = 'language,side_project'").run()
                try await PracticeMigrations.AddStacksToPairing.kindsFromCategories(on: app.db)
                let found = try #require(try await PairingRequestModel.find(request.id, on: app.db))
                #expect(found.kinds == [.kata, .project] && found.stacks.isEmpty)
            }
        }

        @Test func bad_input_writes_nothing_and_one_request_is_open_at_a_time() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                for (change, message) in [(["topic": ""], "Say what you want to work on"), (["kind_kata": ""], "Choose at least one kind of session"),
                                          (["window1_day": ""], "Enter the day as YYYY-MM-DD."), (["window1_day": "2026-11-20"], "Choose a time that has not begun yet."),
                                          (["window1_day": "2026-12-20"], "within the next 14 days"), (["window1_end": "10:30"], "Leave at least an hour"),
                                          (["topic": "Kata\u{7}"], "control character")] {
                    let res = try await grace.post(SiteURL.practice(.pairing).path, Self.ask.merging(change) { $1 })
                    #expect(res.status == .unprocessableEntity && res.text.contains(message), "\(change)")
                }
                #expect(try await PairingRequestModel.query(on: app.db).count() == 0)
                // Two tabs ask at once: one open request.
                _ = try await grace.get(SiteURL.practice(.pairing).path)
                let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                    for _ in 0..<2 { group.addTask { try await grace.post(SiteURL.practice(.pairing).path, Self.ask).status } }
                    return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
                }
                #expect(statuses == [.seeOther, .seeOther])
                #expect(try await PairingRequestModel.query(on: app.db).count() == 1)
                #expect(try await grace.post(SiteURL.practice(.pairing).path, Self.ask).status == .seeOther)
                #expect(try await grace.get(SiteURL.practice(.pairing).path).text.contains("You have an open request already"))
                #expect(try await PairingRequestModel.query(on: app.db).count() == 1)
            }
        }

        @Test func many_ask_at_once_and_each_request_is_in_one_proposal_at_most() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                var browsers: [Browser] = []
                for i in 0..<7 {
                    let person = try await Self.graduate("Peer\(i)", app: app, world: world)
                    let browser = Browser(app)
                    try await browser.signIn(person)
                    _ = try await browser.get(SiteURL.practice(.pairing).path)
                    browsers.append(browser)
                }
                let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                    for browser in browsers { group.addTask { try await browser.post(SiteURL.practice(.pairing).path, Self.ask).status } }
                    return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
                }
                #expect(statuses.allSatisfy { $0 == .seeOther }, "\(statuses)")
                let pairings = try await PairingModel.query(on: app.db).all()
                let held = pairings.flatMap(\.requestIDs)
                #expect(pairings.count == 3, "seven: three pairs, one left for next time")
                #expect(Set(held).count == held.count, "no request in two proposals")
            }
        }

        @Test func both_accepting_at_once_pairs_them_and_a_decline_finds_a_volunteer_instead() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let pairing = PairingUseCases(db: app.db, now: testNow)
                let draft = try PairingRequestDraft.validate(topic: "A tech test in React", kinds: ["tech_test"],
                                                             windows: .rows([WindowRow(day: "2026-11-25", start: "18:00", end: "20:00")], timeZone: .gmt), now: testNow)
                // Five pairs, and both sides of each accept at the same moment.
                var proposals: [(PairingModel, UserModel, UserModel)] = []
                for i in 0..<5 {
                    let a = try await Self.graduate("A\(i)", app: app, world: world), b = try await Self.graduate("B\(i)", app: app, world: world)
                    try await pairing.ask(draft, by: a)
                    let proposal = try #require(try await pairing.ask(draft, by: b).proposal)
                    proposals.append((proposal, a, b))
                }
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for (proposal, a, b) in proposals {
                        for side in [a, b] { group.addTask { try await pairing.answer(proposal.requireIDString, accept: true, by: side) } }
                    }
                    try await group.waitForAll()
                }
                for (proposal, _, _) in proposals { #expect(try await PairingModel.find(proposal.id, on: app.db)?.state == .accepted) }
                // Grace and Otto are proposed; Otto declines; a volunteer is proposed to Grace, never Otto again.
                try await pairing.ask(draft, by: world.graduate)
                let first = try #require(try await PairingUseCases(db: app.db, now: testNow.addingTimeInterval(60)).ask(draft, by: world.otherGraduate).proposal)
                try await pairing.answer(first.requireIDString, accept: false, by: world.otherGraduate)
                #expect(try await PairingModel.query(on: app.db).filter(\.$state == .proposed).count() == 0, "not the same two again")
                let vic = try await Self.graduate("Vic", app: app, world: world)
                try await pairing.volunteer(try AvailabilityDraft.validate(topics: "React, tech tests", kinds: ["tech_test", "project"],
                                                                           windows: .rows([WindowRow(day: "2026-11-25", start: "19:00", end: "21:00")], timeZone: .gmt), now: testNow), by: vic)
                let proposed = try await PairingModel.query(on: app.db).filter(\.$state == .proposed).all()
                #expect(proposed.count == 1 && proposed.first?.$second.id == vic.id && proposed.first?.sides.contains(world.otherGraduate.requireIDString) == false,
                        "the oldest request, Grace's, takes the volunteer")
                let browser = Browser(app)
                try await browser.signIn(vic)
                let page = try await browser.get(SiteURL.practice(.pairing).path).text
                #expect(page.contains("Proposed to you") && page.contains("You volunteer to pair"))
                let availability = try await browser.get(SiteURL.practice(.volunteer).path).text
                #expect(availability.contains(#"value="2026-11-25""#) && availability.contains(#"value="19:00""#) && availability.contains(#"value="21:00""#),
                        "the times ahead fill the form, so saving keeps them")
            }
        }

        @Test func a_coach_sees_their_graduates_requests_unmatched_for_48_hours_and_matches_one_by_hand() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let earlier = PairingUseCases(db: app.db, now: testNow.addingTimeInterval(-50 * 3_600))
                let draft = try PairingRequestDraft.validate(topic: "My side project's API", kinds: ["project"],
                                                             windows: .rows([WindowRow(day: "2026-11-26", start: "07:00", end: "08:30")], timeZone: .gmt), now: testNow.addingTimeInterval(-50 * 3_600))
                let request = try await earlier.ask(draft, by: world.graduate).request
                let ottos = try await PairingUseCases(db: app.db, now: testNow).ask(try PairingRequestDraft.validate(
                    topic: "Katas", kinds: ["kata"], windows: .rows([WindowRow(day: "2026-11-26", start: "18:00", end: "19:00")], timeZone: .gmt), now: testNow), by: world.otherGraduate).request
                let cora = Browser(app), uma = Browser(app)
                try await cora.signIn(world.coach)
                try await uma.signIn(world.unassignedCoach)
                let list = try await cora.get(SiteURL.practice(.unmatchedRequests).path).text
                #expect(list.contains("Grace Graduate") && list.contains("My side project&#39;s API") && list.contains("Waiting (1)"))
                #expect(!list.contains("Katas"), "Otto asked just now, and is not Cora's")
                #expect(try await uma.get(SiteURL.practice(.unmatchedRequests).path).text.contains("Waiting (0)"))
                let match = SiteURL.practice(.matchByHand(requestID: request.requireIDString)).path
                #expect(try await uma.get(match).status == .notFound)
                #expect(!(try await cora.get(match).text.contains("Otto Other")), "not Cora's graduate: not offered")
                try await CoachAssignmentModel(coachID: world.coach.requireID(), graduateID: world.otherGraduate.requireID()).create(on: app.db)
                // Val volunteers early on the 26th for katas in Go and Python: an hour and a half in
                // common with Grace's request, though no kind of session (so the matcher left them).
                let val = try await Self.graduate("Val", app: app, world: world)
                try await PairingUseCases(db: app.db, now: testNow).volunteer(try AvailabilityDraft.validate(
                    topics: "Go, Python", kinds: ["kata"], stacks: "Go, Python",
                    windows: .rows([WindowRow(day: "2026-11-26", start: "06:00", end: "09:00")], timeZone: .gmt), now: testNow), by: val)
                let form = try await cora.get(match).text
                let otto = try #require(form.range(of: "Otto Other, who asked about Katas")), vals = try #require(form.range(of: "Val, volunteer: Go, Python"))
                #expect(vals.lowerBound < otto.lowerBound, "the most hours in common first")
                #expect(form.contains("In common: 1.5 hours · no stack · no kind of session") && form.contains("First hour both are free: Thu 26 Nov 2026, 07:00–08:00."))
                #expect(form.contains("In common: no hours") && form.contains("Free: Thu 26 Nov 2026, 18:00–19:00"), "Otto's own times, to choose from")
                let bad = try await cora.post(match, ["partner": "request:\(ottos.requireIDString)", "day": "2026-11-20", "time": "18:00"])
                #expect(bad.status == .unprocessableEntity && bad.text.contains("Choose a time that has not begun yet."))
                #expect(try await cora.post(match, ["partner": "", "day": "2026-11-26", "time": "18:00"]).text.contains("Choose whom to pair them with."))
                let noHour = try await cora.post(match, ["partner": "request:\(ottos.requireIDString)", "day": "", "time": ""])
                #expect(noHour.status == .conflict && noHour.text.contains("They have no free hour in common: give a day and a time."))
                #expect(try await PairingModel.query(on: app.db).count() == 0)
                #expect(try await cora.post(match, ["partner": "request:\(ottos.requireIDString)", "day": "2026-11-26", "time": "18:00"]).status == .seeOther)
                let pairing = try #require(try await PairingModel.query(on: app.db).first())
                #expect(pairing.$matchedBy.id == world.coach.id && pairing.startsAt == InternetDateTime.parse("2026-11-26T18:00:00Z"))
                #expect(try await cora.get(SiteURL.practice(.pairingSession(id: pairing.requireIDString)).path).text.contains("Waiting for both to accept."))
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                #expect(try await grace.get(SiteURL.practice(.pairing).path).text.contains("matched by a coach"))
                #expect(try await cora.get(SiteURL.practice(.unmatchedRequests).path).text.contains("Waiting (0)"), "held by the proposal")
            }
        }
    
        @Test func through_the_api_two_ask_are_proposed_accept_and_bad_input_names_the_field() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let grace = try await APITests.token(for: world.graduate, app: app), otto = try await APITests.token(for: world.otherGraduate, app: app)
                let body = #"{"topic":"Katas","kinds":["kata"],"windows":[{"start":"2026-11-25T10:00:00Z","end":"2026-11-25T12:00:00Z"}]}"#
                for (bad, field) in [(body.replacingOccurrences(of: "2026-11-25T12", with: "2026-11-25T10"), "windows[0]"),
                                     (body.replacingOccurrences(of: "2026-11-25", with: "2026-12-25"), "windows[0]"),
                                     (body.replacingOccurrences(of: #""Katas""#, with: #""  ""#), "topic")] {
                    let res = try await APITests.send(app, .POST, "/api/v1/pairing-requests", token: grace, json: bad)
                    #expect(res.status == .unprocessableEntity && res.body.string.contains(#""\#(field)""#), "\(field): \(res.body.string)")
                }
                #expect(try await PairingRequestModel.query(on: app.db).count() == 0)
                #expect(try await APITests.send(app, .POST, "/api/v1/pairing-requests", token: grace, json: body).status == .created)
                let asked = try await APITests.send(app, .POST, "/api/v1/pairing-requests", token: otto, json: body)
                let request = try #require(try JSONSerialization.jsonObject(with: Data(asked.body.string.utf8)) as? [String: Any])
                let proposal = try #require(request["proposal_id"] as? String, "matched at once")
                #expect(try await APITests.send(app, .PUT, "/api/v1/pairings/\(proposal)/answer", token: grace, json: #"{"accept":true}"#).status == .ok)
                let accepted = try await APITests.send(app, .PUT, "/api/v1/pairings/\(proposal)/answer", token: otto, json: #"{"accept":true}"#)
                #expect(accepted.status == .ok && accepted.body.string.contains(#""accepted""#))
                let linked = try await APITests.send(app, .PUT, "/api/v1/pairings/\(proposal)/link", token: otto, json: #"{"link":"https://meet.example/pair"}"#)
                #expect(linked.status == .ok && linked.body.string.contains("meet.example"))
                let mine = try await APITests.send(app, .GET, "/api/v1/pairing-requests", token: grace)
                #expect(mine.body.string.contains(#""paired""#))
                let coach = try await APITests.token(for: world.coach, app: app)
                #expect(try await APITests.send(app, .GET, "/api/v1/pairings/\(proposal)", token: coach).status == .ok, "Grace's coach")
                let other = try await APITests.token(for: world.unassignedCoach, app: app)
                #expect(try await APITests.send(app, .GET, "/api/v1/pairings/\(proposal)", token: other).status == .notFound)
                let volunteering = try await APITests.send(app, .PUT, "/api/v1/volunteering", token: grace,
                                                           json: #"{"topics":"Ruby","kinds":["project","kata"],"windows":[{"start":"2026-11-27T10:00:00Z","end":"2026-11-27T12:00:00Z"}]}"#)
                let volunteer = try #require(try JSONSerialization.jsonObject(with: Data(volunteering.body.string.utf8)) as? [String: Any])
                #expect(volunteering.status == .ok && volunteer["active"] as? Bool == true)
                #expect(try await APITests.send(app, .DELETE, "/api/v1/volunteering", token: grace).status == .ok)
                #expect(try await APITests.send(app, .DELETE, "/api/v1/volunteering", token: grace).status == .conflict)
            }
        }
    
        @Test func a_withdrawal_keeps_nobody_apart_one_who_accepted_may_still_decline_and_nobody_is_proposed_at_an_hour_they_are_taken() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let pairing = PairingUseCases(db: app.db, now: testNow), later = PairingUseCases(db: app.db, now: testNow.addingTimeInterval(60))
                let draft = try PairingRequestDraft.validate(topic: "Katas", kinds: ["kata"],
                                                             windows: .rows([WindowRow(day: "2026-11-24", start: "10:00", end: "12:00")], timeZone: .gmt), now: testNow)
                let graces = try await pairing.ask(draft, by: world.graduate).request
                let first = try #require(try await later.ask(draft, by: world.otherGraduate).proposal)
                try await pairing.withdraw(graces.requireIDString, by: world.graduate)
                #expect(try await PairingModel.find(first.id, on: app.db)?.state == .withdrawn)
                // Asking again with new times finds Otto again: a withdrawal is no decline.
                let again = try #require(try await later.ask(draft, by: world.graduate).proposal)
                #expect(again.sides == [world.graduate.requireIDString, world.otherGraduate.requireIDString])
                // Grace accepts, thinks again and declines: allowed until both have accepted.
                try await pairing.answer(again.requireIDString, accept: true, by: world.graduate)
                try await pairing.answer(again.requireIDString, accept: false, by: world.graduate)
                #expect(try await PairingModel.find(again.id, on: app.db)?.state == .declined)
                await #expect(throws: Refusal.self) { try await pairing.answer(again.requireIDString, accept: true, by: world.otherGraduate) }
                // Grace and Peer pair at 10:00; then Grace asks again for the same morning: Sam is proposed to her at 11:00, not at the hour she is taken.
                try await pairing.withdraw(try #require(try await PairingRequestModel.query(on: app.db).filter(\.$user.$id == world.otherGraduate.requireID()).filter(\.$status == .open).first()).requireIDString, by: world.otherGraduate)
                let peer = try await Self.graduate("Peer", app: app, world: world), sam = try await Self.graduate("Sam", app: app, world: world)
                let withPeer = try #require(try await pairing.ask(draft, by: peer).proposal)
                #expect(withPeer.sides.contains(peer.requireIDString) && withPeer.sides.contains(world.graduate.requireIDString))
                for side in [peer, world.graduate] { try await pairing.answer(withPeer.requireIDString, accept: true, by: side) }
                try await later.ask(draft, by: world.graduate)
                let withSam = try #require(try await later.ask(draft, by: sam).proposal)
                #expect(withSam.startsAt == InternetDateTime.parse("2026-11-24T11:00:00Z"), "10:00 is taken by the pairing with Peer")
            }
        }

        @Test func a_coach_pairs_by_hand_only_their_graduates_after_48_hours_and_never_at_an_hour_someone_is_taken() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let twoDaysAgo = testNow.addingTimeInterval(-50 * 3_600)
                let earlier = PairingUseCases(db: app.db, now: twoDaysAgo), pairing = PairingUseCases(db: app.db, now: testNow)
                func draft(_ tag: String, _ day: String, now: Date) throws -> PairingRequestDraft {
                    try PairingRequestDraft.validate(topic: "Practice", kinds: [tag], windows: .rows([WindowRow(day: day, start: "07:00", end: "08:00")], timeZone: .gmt), now: now)
                }
                let wes = try await Self.graduate("Wes", app: app, world: world)
                try await CoachAssignmentModel(coachID: world.coach.requireID(), graduateID: wes.requireID()).create(on: app.db)
                let graces = try await earlier.ask(try draft("kata", "2026-11-26", now: twoDaysAgo), by: world.graduate).request
                let wess = try await earlier.ask(try draft("project", "2026-11-27", now: twoDaysAgo), by: wes).request
                let ottos = try await earlier.ask(try draft("tech_test", "2026-11-28", now: twoDaysAgo), by: world.otherGraduate).request
                let fresh = try await Self.graduate("Fresh", app: app, world: world)
                try await CoachAssignmentModel(coachID: world.coach.requireID(), graduateID: fresh.requireID()).create(on: app.db)
                let freshs = try await pairing.ask(try draft("project", "2026-11-29", now: testNow), by: fresh).request
                let val = try await Self.graduate("Val", app: app, world: world)
                try await pairing.volunteer(try AvailabilityDraft.validate(topics: "Python", kinds: ["project"],
                                                                           windows: .rows([WindowRow(day: "2026-11-30", start: "07:00", end: "08:00")], timeZone: .gmt), now: testNow), by: val)
                let options = try await pairing.partnerOptions(for: world.coach).map(\.person.name)
                #expect(options.contains { $0.hasPrefix("Wes") } && options.contains { $0.hasPrefix("Val") } && !options.contains { $0.hasPrefix("Otto") },
                        "Otto is not Cora's graduate: \(options)")
                let at = try #require(InternetDateTime.parse("2026-11-26T18:00:00Z"))
                let slot = HandMatchDraft(partner: "", slot: TimeWindow(start: at, end: at.addingTimeInterval(3_600)))
                func with(_ partner: String, _ draft: HandMatchDraft = slot) -> HandMatchDraft { HandMatchDraft(partner: partner, slot: draft.slot) }
                await #expect(throws: PairingUseCases.noSuchRequest, "another coach's graduate") { try await pairing.matchByHand(graces.requireIDString, with("request:\(ottos.requireIDString)"), by: world.coach) }
                await #expect(throws: Refusal.self, "asked just now") { try await pairing.matchByHand(freshs.requireIDString, with("volunteer:\(val.requireIDString)"), by: world.coach) }
                await #expect(throws: Refusal.self, "the same person") { try await pairing.matchByHand(graces.requireIDString, with("request:\(graces.requireIDString)"), by: world.coach) }
                try await pairing.matchByHand(graces.requireIDString, with("volunteer:\(val.requireIDString)"), by: world.coach)
                await #expect(throws: Refusal.self, "Val is taken at 18:00") { try await pairing.matchByHand(wess.requireIDString, with("volunteer:\(val.requireIDString)"), by: world.coach) }
                let later = HandMatchDraft(partner: "volunteer:\(val.requireIDString)", slot: TimeWindow(start: at.addingTimeInterval(3_600), end: at.addingTimeInterval(7_200)))
                try await pairing.matchByHand(wess.requireIDString, later, by: world.coach)
                #expect(try await PairingModel.query(on: app.db).count() == 2)
                // No hour given: the first both are free, here Yan's one hour inside Early's three.
                let yan = try await Self.graduate("Yan", app: app, world: world), early = try await Self.graduate("Early", app: app, world: world)
                try await CoachAssignmentModel(coachID: world.coach.requireID(), graduateID: yan.requireID()).create(on: app.db)
                let yans = try await earlier.ask(try draft("project", "2026-12-01", now: twoDaysAgo), by: yan).request
                try await pairing.volunteer(try AvailabilityDraft.validate(topics: "Katas", kinds: ["kata"],
                                                                           windows: .rows([WindowRow(day: "2026-12-01", start: "06:00", end: "09:00")], timeZone: .gmt), now: testNow), by: early)
                let first = try await pairing.matchByHand(yans.requireIDString, HandMatchDraft(partner: "volunteer:\(early.requireIDString)", slot: nil), by: world.coach)
                #expect(first.startsAt == InternetDateTime.parse("2026-12-01T07:00:00Z"))
            }
        }
    
        @Test func a_proposal_unanswered_for_48_hours_lapses_and_frees_its_requests() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let pairing = PairingUseCases(db: app.db, now: testNow)
                let draft = try PairingRequestDraft.validate(topic: "Katas", kinds: ["kata"],
                                                             windows: .rows([WindowRow(day: "2026-12-04", start: "10:00", end: "12:00")], timeZone: .gmt), now: testNow)
                let graces = try await pairing.ask(draft, by: world.graduate).request
                let proposal = try #require(try await PairingUseCases(db: app.db, now: testNow.addingTimeInterval(60)).ask(draft, by: world.otherGraduate).proposal)
                let soon = PairingUseCases(db: app.db, now: testNow.addingTimeInterval(47 * 3_600)), late = PairingUseCases(db: app.db, now: testNow.addingTimeInterval(49 * 3_600))
                #expect(try await soon.unmatched(for: world.coach).isEmpty, "held by the proposal")
                #expect(try await late.unmatched(for: world.coach).map(\.request.id) == [graces.id], "lapsed: Grace's request is free, and has waited")
                await #expect(throws: Refusal.self) { try await late.answer(proposal.requireIDString, accept: true, by: world.graduate) }
                let grace = Browser(app)
                try await grace.signIn(world.graduate)
                #expect(try await grace.get(SiteURL.practice(.pairing).path).text.contains("Proposed to you"), "at the app's clock, within the 48 hours, it is open")
            }
        }
    
        @Test func answers_withdrawals_and_new_requests_at_once_all_take_turns() async throws {
            try await withApp { app in
                let world = try await World.make(on: app)
                let pairing = PairingUseCases(db: app.db, now: testNow)
                let draft = try PairingRequestDraft.validate(topic: "Katas", kinds: ["kata"],
                                                             windows: .rows([WindowRow(day: "2026-11-25", start: "10:00", end: "12:00")], timeZone: .gmt), now: testNow)
                var pairs: [(PairingModel, UserModel, UserModel, PairingRequestModel)] = []
                for i in 0..<4 {
                    let a = try await Self.graduate("A\(i)", app: app, world: world), b = try await Self.graduate("B\(i)", app: app, world: world)
                    try await pairing.ask(draft, by: a)
                    let asked = try await pairing.ask(draft, by: b)
                    pairs.append((try #require(asked.proposal), a, b, asked.request))
                }
                var newcomers: [UserModel] = []
                for i in 0..<4 { newcomers.append(try await Self.graduate("C\(i)", app: app, world: world)) }
                // Each pair: one side accepts while the other withdraws; newcomers ask meanwhile.
                let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                    for (proposal, a, b, request) in pairs {
                        group.addTask {
                            do { try await pairing.answer(proposal.requireIDString, accept: true, by: a); return "answered" } catch let error as Refusal where error.kind == .conflict { return "refused" }
                        }
                        group.addTask { try await pairing.withdraw(request.requireIDString, by: b); return "withdrew" }
                    }
                    for person in newcomers { group.addTask { try await pairing.ask(draft, by: person); return "asked" } }
                    return try await group.reduce(into: [String]()) { $0.append($1) }
                }
                #expect(outcomes.filter { $0 == "withdrew" }.count == 4 && outcomes.filter { $0 == "asked" }.count == 4, "\(outcomes)")
                for (proposal, _, _, _) in pairs { #expect(try await PairingModel.find(proposal.id, on: app.db)?.state == .withdrawn) }
                let live = try await PairingModel.query(on: app.db).filter(\.$state == .proposed).all().flatMap(\.requestIDs)
                #expect(Set(live).count == live.count, "no request in two proposals")
            }
        }
    }
}

