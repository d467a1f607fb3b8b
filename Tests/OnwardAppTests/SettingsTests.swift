import Foundation
import OnwardCore
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

    /// Salaries are said in the bootcamp's currency: pounds unless set.
    @Test func the_currency_is_an_iso_code_and_salaries_are_said_in_it() throws {
        #expect(try Settings.fromEnvironment([:]).currency == .gbp)
        let euros = try Settings.fromEnvironment(["ONWARD_CURRENCY": " eur "]).currency
        #expect(euros.code == "EUR")
        #expect(SalaryRange(minimum: 26_000, maximum: 32_000).said(in: .gbp) == "£26,000–£32,000 a year")
        #expect(SalaryRange(minimum: 40_000, maximum: nil).said(in: euros) == "from €40,000 a year")
        #expect(SalaryRange(minimum: nil, maximum: 950).said(in: try #require(Currency(code: "CHF"))) == "up to CHF 950 a year")
        #expect(Currency.gbp.amount(1_234_567) == "£1,234,567")
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
        ["ONWARD_CURRENCY": "pounds"],
        ["ONWARD_CURRENCY": "XYZ"],
        ["ONWARD_GITHUB_WEBHOOK_SECRET": "short"],
        ["ONWARD_WEEKLY_COMMIT_TARGET": "0"],
        ["ONWARD_WEEKLY_COMMIT_TARGET": "a few"],
        ["ONWARD_GITHUB_API_URL": "api.github.com"],
        ["ONWARD_GITHUB_API_URL": "ftp://api.github.com"],
        ["ONWARD_GITHUB_DAILY_SYNC": "daily"],
    ])
    func bad_values_are_refused_naming_the_variable(_ environment: [String: String]) {
        #expect {
            _ = try Settings.fromEnvironment(environment)
        } throws: { error in
            guard let invalid = error as? Settings.Invalid else { return false }
            return environment.keys.contains(invalid.variable.rawValue)
        }
    }

    @Test func a_mail_server_is_read_with_its_port_security_and_sender() throws {
        #expect(try Settings.fromEnvironment([:]).smtp == nil, "no server: mail waits in the outbox")
        let smtp = try #require(try Settings.fromEnvironment(["ONWARD_SMTP_HOST": "smtp.example.org", "ONWARD_PUBLIC_URL": "https://onward.bootcamp.example",
                                                               "ONWARD_SMTP_USERNAME": "onward", "ONWARD_SMTP_PASSWORD": "a secret"]).smtp)
        #expect(smtp.host == "smtp.example.org" && smtp.port == 587 && smtp.security == .startTLS && smtp.from == "onward@onward.bootcamp.example")
        #expect(smtp.username == "onward" && smtp.password == "a secret")
        let tls = try #require(try Settings.fromEnvironment(["ONWARD_SMTP_HOST": "smtp.example.org", "ONWARD_SMTP_SECURITY": "TLS", "ONWARD_MAIL_FROM": "careers@bootcamp.example"]).smtp)
        #expect(tls.port == 465 && tls.security == .tls && tls.from == "careers@bootcamp.example")
        for environment in [["ONWARD_SMTP_HOST": "h", "ONWARD_SMTP_PORT": "70000"], ["ONWARD_SMTP_HOST": "h", "ONWARD_SMTP_SECURITY": "ssl"],
                            ["ONWARD_SMTP_HOST": "h", "ONWARD_SMTP_USERNAME": "only a name"], ["ONWARD_SMTP_HOST": "h", "ONWARD_MAIL_FROM": "not an address"],
                            ["ONWARD_SMTP_PORT": "25"], ["ONWARD_SMTP_HOST": "h"]] {
            #expect(throws: Settings.Invalid.self, "\(environment)") { try Settings.fromEnvironment(environment) }
        }
    }
}
