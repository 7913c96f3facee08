using Microsoft.AspNetCore.Identity;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Users;

public sealed record SignUpResult(IReadOnlyList<string> PasswordErrors)
{
    public bool Accepted => PasswordErrors.Count == 0;
}

public sealed record LinkSignIn(LinkFailure Failure, LearnUser? User, string? ReturnPath, bool Created);

/// <summary>
/// Sign-up, one-time links, email confirmation and password reset. Every answer is the same
/// whether or not an address has an account, so the site never tells who is registered; the
/// difference only shows in the email the owner of the address receives.
/// </summary>
public sealed class Accounts(UserManager<LearnUser> users, LearnDbContext db, OneTimeLinks links, IAccountEmails emails, PasswordSignIns signIns, AuthSessions sessions, TimeProvider clock)
{
    /// <summary>Sends a sign-in link; the address need not have an account yet.</summary>
    public async Task RequestSignInLinkAsync(string email, string culture, string? returnPath, Func<string, string> linkUrl, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByEmailAsync(email);
        var token = links.Create(email.Trim(), LinkPurpose.SignIn, culture, returnPath);
        await emails.QueueAsync(db, new AccountEmail(AccountEmail.SignInLink, email, user?.PreferredCulture ?? culture, linkUrl(token), user?.DisplayName), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Creates an account with a password and sends a confirmation link. For an address that already
    /// has an account the answer is the same, the work too (the password is hashed either way), and
    /// its owner gets a sign-in link instead. The name typed in the form is not put in the email: whoever
    /// typed it may not own the address, and the email must not carry a stranger's words.
    /// </summary>
    public async Task<SignUpResult> SignUpAsync(string email, string password, string? name, string culture, Func<string, string> linkUrl, CancellationToken cancellationToken = default)
    {
        var candidate = NewUser(email, name, culture, confirmed: false);
        var errors = await PasswordErrorsAsync(candidate, password);
        if (errors.Count > 0) return new SignUpResult(errors);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            users.PasswordHasher.HashPassword(existing, password);
            var token = links.Create(email.Trim(), LinkPurpose.SignIn, existing.PreferredCulture);
            await emails.QueueAsync(db, new AccountEmail(AccountEmail.AlreadyRegistered, email, existing.PreferredCulture, linkUrl(token), existing.DisplayName), cancellationToken);
        }
        else
        {
            Check(await users.CreateAsync(candidate, password));
            Check(await users.AddToRoleAsync(candidate, RoleNames.Learner));
            await signIns.AdoptFailuresAsync(candidate, cancellationToken);
            var token = links.Create(email.Trim(), LinkPurpose.ConfirmEmail, culture);
            await emails.QueueAsync(db, new AccountEmail(AccountEmail.ConfirmEmail, email, culture, linkUrl(token)), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SignUpResult([]);
    }

    /// <summary>
    /// Creates (or finds) an account with a role, for the command line, and returns the token of a
    /// setup link that signs its owner in once within a day. No password is ever set or printed.
    /// </summary>
    public async Task<string> CreateWithRoleAsync(string email, string role, string? name, string culture, CancellationToken cancellationToken = default)
    {
        if (!RoleNames.All.Contains(role)) throw new ArgumentException($"Unknown role '{role}'. Roles: {string.Join(", ", RoleNames.All)}.", nameof(role));
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = NewUser(email, name, culture, confirmed: true);
            Check(await users.CreateAsync(user));
            await signIns.AdoptFailuresAsync(user, cancellationToken);
        }
        if (!await users.IsInRoleAsync(user, role)) Check(await users.AddToRoleAsync(user, role));
        var token = links.Create(email.Trim(), LinkPurpose.Setup, culture);
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>
    /// Uses a sign-in or setup link: the account is created if needed and its address counts as
    /// confirmed. All in one transaction: if anything fails, the link is not used up.
    /// </summary>
    public async Task<LinkSignIn> SignInWithLinkAsync(string token, LinkPurpose purpose, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var redemption = await links.RedeemAsync(token, purpose, cancellationToken);
        if (!redemption.Succeeded) return new LinkSignIn(redemption.Failure, null, null, false);
        var link = redemption.Link!;
        var user = await users.FindByEmailAsync(link.Email);
        // Owning the mailbox does not lift a lock set by staff; rolled back, the link stays unused.
        if (user is not null && StaffLock.Holds(user)) return new LinkSignIn(LinkFailure.AccountLocked, null, null, false);
        var created = user is null;
        if (user is null)
        {
            user = NewUser(link.Email, null, link.Culture, confirmed: true);
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, RoleNames.Learner));
            await signIns.AdoptFailuresAsync(user, cancellationToken);
        }
        else if (!user.EmailConfirmed)
        {
            // Whoever chose this account's password never proved they own the address; the owner just did.
            if (purpose != LinkPurpose.ConfirmEmail && await users.HasPasswordAsync(user)) Check(await users.RemovePasswordAsync(user));
            user.EmailConfirmed = true;
            Check(await users.UpdateAsync(user));
        }
        await transaction.CommitAsync(cancellationToken);
        return new LinkSignIn(LinkFailure.None, user, link.ReturnPath, created);
    }

    public async Task<LinkSignIn> ConfirmEmailAsync(string token, CancellationToken cancellationToken = default) =>
        await SignInWithLinkAsync(token, LinkPurpose.ConfirmEmail, cancellationToken);

    /// <summary>
    /// Sends a reset link if the address has an account. An address without one is told so by email,
    /// with a link that signs in and creates it: the same answer and the same work either way.
    /// </summary>
    public async Task RequestPasswordResetAsync(string email, string culture, Func<string, string> resetUrl, Func<string, string> signInUrl, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            var signInToken = links.Create(email.Trim(), LinkPurpose.SignIn, culture);
            await emails.QueueAsync(db, new AccountEmail(AccountEmail.ResetWithoutAccount, email, culture, signInUrl(signInToken)), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        var linkUrl = resetUrl;
        var token = links.Create(email.Trim(), LinkPurpose.ResetPassword, user.PreferredCulture);
        await emails.QueueAsync(db, new AccountEmail(AccountEmail.ResetPassword, email, user.PreferredCulture, linkUrl(token), user.DisplayName), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Sets a new password with a reset link. Password problems leave the link unused, so the form can be fixed.</summary>
    public async Task<(LinkFailure Failure, IReadOnlyList<string> PasswordErrors, LearnUser? User)> ResetPasswordAsync(string token, string password, CancellationToken cancellationToken = default)
    {
        var peek = await links.PeekAsync(token, LinkPurpose.ResetPassword, cancellationToken);
        if (!peek.Succeeded) return (peek.Failure, [], null);
        var user = await users.FindByEmailAsync(peek.Link!.Email);
        if (user is null) return (LinkFailure.Unknown, [], null);
        // A new password would lift the lock below; a lock by staff is lifted by staff only.
        if (StaffLock.Holds(user)) return (LinkFailure.AccountLocked, [], null);
        var errors = await PasswordErrorsAsync(user, password);
        if (errors.Count > 0) return (LinkFailure.None, errors, null);
        var redemption = await links.RedeemAsync(token, LinkPurpose.ResetPassword, cancellationToken);
        if (!redemption.Succeeded) return (redemption.Failure, [], null);
        if (await users.HasPasswordAsync(user)) Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password));
        user.EmailConfirmed = true;
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        // A new password ends every session: whoever knew the old one is signed out everywhere.
        await sessions.EndAllAsync(user.Id, cancellationToken);
        return (LinkFailure.None, [], user);
    }

    /// <summary>
    /// Accepts an invitation: signs in the account made for it, whose address is confirmed by the use of
    /// the link, and sets the password the invitee chose, if they chose one (without, they sign in with
    /// links). Password problems leave the link unused, so the form can be fixed.
    /// </summary>
    public async Task<(LinkFailure Failure, IReadOnlyList<string> PasswordErrors, LearnUser? User)> AcceptInvitationAsync(string token, string? password, CancellationToken cancellationToken = default)
    {
        var peek = await links.PeekAsync(token, LinkPurpose.Invitation, cancellationToken);
        if (!peek.Succeeded) return (peek.Failure, [], null);
        // Made at the invitation; gone only if the account was deleted since.
        var user = await users.FindByEmailAsync(peek.Link!.Email);
        if (user is null) return (LinkFailure.Unknown, [], null);
        if (StaffLock.Holds(user)) return (LinkFailure.AccountLocked, [], null);
        var choosing = !string.IsNullOrEmpty(password);
        if (choosing)
        {
            var errors = await PasswordErrorsAsync(user, password!);
            if (errors.Count > 0) return (LinkFailure.None, errors, null);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var redemption = await links.RedeemAsync(token, LinkPurpose.Invitation, cancellationToken);
        if (!redemption.Succeeded) return (redemption.Failure, [], null);
        // As with any link: a password chosen before the address was proved is not the owner's.
        if ((choosing || !user.EmailConfirmed) && await users.HasPasswordAsync(user)) Check(await users.RemovePasswordAsync(user));
        if (choosing) Check(await users.AddPasswordAsync(user, password!));
        user.EmailConfirmed = true;
        Check(await users.UpdateAsync(user));
        await transaction.CommitAsync(cancellationToken);
        return (LinkFailure.None, [], user);
    }

    /// <summary>Identity error codes (e.g. "PasswordTooShort"), which the host translates.</summary>
    private async Task<IReadOnlyList<string>> PasswordErrorsAsync(LearnUser user, string password)
    {
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => e.Code));
        }
        return errors;
    }

    private LearnUser NewUser(string email, string? name, string culture, bool confirmed) => new()
    {
        UserName = email,
        Email = email,
        EmailConfirmed = confirmed,
        DisplayName = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
        PreferredCulture = culture,
        CreatedUtc = clock.GetUtcNow().UtcDateTime,
    };

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Description}")));
    }
}
