import Foundation
import Testing
@testable import OnwardApp

@Suite struct SettingsTests {
    @Test func defaults_run_out_of_the_box() throws {
        let settings = try Settings.fromEnvironment([:])
        #expect(settings.database == .sqliteFile(path: "onward.sqlite"))
        #expect(settings.publicURL == nil)
        #expect(settings.bcryptCost == 12)
        #expect(!settings.secureCookies)
    }

    @Test func database_url_selects_postgres() throws {
        let settings = try Settings.fromEnvironment(["DATABASE_URL": "postgres://u:p@127.0.0.1:5432/onward"])
        #expect(settings.database == .postgres(url: "postgres://u:p@127.0.0.1:5432/onward"))
    }

    @Test func https_public_url_makes_cookies_secure() throws {
        let settings = try Settings.fromEnvironment(["ONWARD_PUBLIC_URL": "https://onward.example.edu/"])
        #expect(settings.publicURL == "https://onward.example.edu")
        #expect(settings.secureCookies)
    }

    @Test func a_trusted_proxy_is_an_ip_address() throws {
        #expect(try Settings.fromEnvironment([:]).trustedProxy == nil)
        #expect(try Settings.fromEnvironment(["ONWARD_TRUSTED_PROXY": " 10.0.0.2 "]).trustedProxy == "10.0.0.2")
        #expect(try Settings.fromEnvironment(["ONWARD_TRUSTED_PROXY": "FD00::2"]).trustedProxy == "fd00::2")
    }

    @Test(arguments: [
        ["DATABASE_URL": "mysql://x"],
        ["ONWARD_PUBLIC_URL": "onward.example.edu"],
        ["ONWARD_BCRYPT_COST": "99"],
        ["ONWARD_MAX_BODY_BYTES": "ten"],
        ["ONWARD_TRUSTED_PROXY": "proxy.internal"],
        ["ONWARD_TRUSTED_PROXY": "10.0.0.999"],
        ["ONWARD_SECRET_KEY": "too short"],
    ])
    func bad_values_are_refused_naming_the_variable(_ environment: [String: String]) {
        #expect {
            _ = try Settings.fromEnvironment(environment)
        } throws: { error in
            guard let invalid = error as? Settings.Invalid else { return false }
            return environment.keys.contains(invalid.variable.rawValue)
        }
    }
}
