import Foundation
import OnwardCore
import Vapor

/// One's data through the JSON API (the export, deleting one's account) and the admin's
/// deletions on request: the same use cases as the pages.
extension OnwardAPI {
    func exportMyData(_ input: Operations.ExportMyData.Input) async throws -> Operations.ExportMyData.Output {
        let document = try await YourDataUseCases(req: request).export(of: user())
        // The same document as the page's file, read back into the API's type.
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return .ok(.init(body: .json(try decoder.decode(Components.Schemas.YourDataExport.self, from: document))))
    }

    func deleteMyAccount(_ input: Operations.DeleteMyAccount.Input) async throws -> Operations.DeleteMyAccount.Output {
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let person = try user()
        // A token alone is not enough to end an account: its owner's password too.
        guard try await request.application.passwordHashing.verify(body.password, created: person.passwordHash) else {
            throw ValidationErrors.one("password", "That is not your password: nothing was deleted.")
        }
        try await YourDataUseCases(req: request).deleteOwnAccount(of: person, typed: body.email)
        return .noContent(.init())
    }

    func listAccountDeletions(_ input: Operations.ListAccountDeletions.Input) async throws -> Operations.ListAccountDeletions.Output {
        _ = try admin()
        let record = try await YourDataUseCases(req: request).record()
        return .ok(.init(body: .json(.init(deletions: try record.map(Self.deletion)))))
    }

    func deleteAccountOnRequest(_ input: Operations.DeleteAccountOnRequest.Input) async throws -> Operations.DeleteAccountOnRequest.Output {
        let admin = try admin()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let deletion = try await YourDataUseCases(req: request).deleteAccount(withEmail: body.email, by: admin)
        deletion.$doneBy.value = admin
        return .created(.init(body: .json(try Self.deletion(deletion))))
    }

    private static func deletion(_ deletion: AccountDeletionModel) throws -> Components.Schemas.AccountDeletion {
        .init(id: try deletion.requireID().uuidString, deletedAt: deletion.doneAt,
              role: Components.Schemas.AccountDeletion.RolePayload(rawValue: deletion.role.rawValue) ?? .graduate, byOwner: deletion.byOwner,
              deletedBy: deletion.byOwner ? nil : deletion.doneBy?.name)
    }
}
