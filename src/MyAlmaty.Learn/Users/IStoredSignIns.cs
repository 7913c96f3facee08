namespace MyAlmaty.Learn.Users;

/// <summary>
/// A person's roles, name and language travel in their sign-in, which the site keeps on the server.
/// After a change of role the stored sign-ins are rewritten from the account as it now is, in the
/// caller's transaction: the person's very next request has the new permissions, on every node,
/// without being signed out. The host implements it, since it owns the format of a sign-in.
/// </summary>
public interface IStoredSignIns
{
    Task RefreshAsync(LearnUser user, CancellationToken cancellationToken = default);
}
