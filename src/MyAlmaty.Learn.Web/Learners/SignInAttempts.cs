using System.Runtime.CompilerServices;
using Microsoft.Extensions.Caching.Memory;

namespace MyAlmaty.Learn.Web.Learners;

/// <summary>
/// Counts failed password sign-ins for addresses that have no account, so that they lock out
/// exactly like real accounts do: otherwise the lock-out itself would tell who is registered.
/// </summary>
public sealed class SignInAttempts(IMemoryCache cache)
{
    public const int Limit = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>Records a failure; true when the address is now locked out.</summary>
    public bool Fail(string email)
    {
        var key = "signin-fail:" + email.Trim().ToUpperInvariant();
        var count = cache.GetOrCreate(key, e =>
        {
            e.AbsoluteExpirationRelativeToNow = Window;
            return new StrongBox<int>();
        })!;
        return Interlocked.Increment(ref count.Value) >= Limit;
    }

    public bool IsLockedOut(string email) =>
        cache.TryGetValue("signin-fail:" + email.Trim().ToUpperInvariant(), out StrongBox<int>? count) && count!.Value >= Limit;
}
