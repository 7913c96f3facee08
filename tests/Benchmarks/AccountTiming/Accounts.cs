using System.Net;

namespace AccountTiming;

public enum State { Unknown, Registered, Unconfirmed, PasswordLess, Locked }

public enum Operation { SignIn, SignUp, Link, Reset }

/// <summary>
/// Puts addresses in each state through the site's own pages, and times one request of each
/// operation. Every POST checks its answer: a wrong-password sign-in is a 400 with the form again
/// (the lock-out message for a locked account), the others are the 200 «check your email» page.
/// </summary>
public sealed class Accounts(SiteClient site, Mailbox mail)
{
    public const string Password = "benchmark-password-7";
    public const string WrongPassword = "not-the-password-42";
    public const int LockAfter = 5;
    public static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(60);

    // The site's Russian texts (src/MyAlmaty.Learn.Web/Localization/ru.po, themes/Default/locales/ru.po).
    private const string CheckEmail = "Проверьте почту";
    private const string WrongCredentials = "Неверный адрес почты или пароль.";
    private const string LockedOut = "Слишком много попыток.";

    private int _emailsExpected;

    /// <summary>How many emails the site should have sent for what was asked so far.</summary>
    public int EmailsExpected => Volatile.Read(ref _emailsExpected);

    public static string Name(State state) => state switch
    {
        State.Unknown => "unknown",
        State.Registered => "registered",
        State.Unconfirmed => "unconfirmed",
        State.PasswordLess => "password-less",
        _ => "locked",
    };

    public static string Name(Operation operation) => operation switch
    {
        Operation.SignIn => "sign-in, wrong password",
        Operation.SignUp => "sign-up",
        Operation.Link => "sign-in link request",
        _ => "password reset request",
    };

    /// <summary>Brings a new address into <paramref name="state"/> (nothing to do for an unknown one).</summary>
    public async Task PrepareAsync(string email, State state)
    {
        switch (state)
        {
            case State.Unconfirmed:
                await RunAsync(Operation.SignUp, email, State.Unknown);
                break;
            case State.Registered:
                await RunAsync(Operation.SignUp, email, State.Unknown);
                await site.UseLinkAsync(await mail.WaitForLinkAsync(email, l => l.EndsWith("?purpose=confirm", StringComparison.Ordinal), MailTimeout));
                break;
            case State.PasswordLess:
                // A sign-in link for an address without an account creates it, confirmed, with no password.
                await RunAsync(Operation.Link, email, State.Unknown);
                await site.UseLinkAsync(await mail.WaitForLinkAsync(email, l => !l.Contains('?'), MailTimeout));
                break;
            case State.Locked:
                await PrepareAsync(email, State.Registered);
                for (var i = 1; i < LockAfter; i++) await RunAsync(Operation.SignIn, email, State.Registered);
                // The fifth wrong password locks the account, and that answer already says so.
                await RunAsync(Operation.SignIn, email, State.Locked);
                break;
        }
    }

    /// <summary>One operation on one address, as a browser does it: the form page, then the timed POST. Returns the POST's milliseconds.</summary>
    public async Task<double> RunAsync(Operation operation, string email, State state)
    {
        var jar = new CookieJar();
        var formPage = operation switch
        {
            Operation.SignUp => "/ru/account/sign-up",
            Operation.Reset => "/ru/account/reset",
            _ => "/ru/account/sign-in",
        };
        var (token, _) = await site.GetFormAsync(formPage, jar);
        KeyValuePair<string, string>[] fields = operation switch
        {
            Operation.SignIn => [new("email", email), new("password", WrongPassword), new("return_path", ""), new("__af", token)],
            Operation.SignUp => [new("name", "Бенчмарк"), new("email", email), new("password", Password), new("__af", token)],
            Operation.Link => [new("email", email), new("return_path", ""), new("__af", token)],
            _ => [new("email", email), new("__af", token)],
        };
        var target = operation switch
        {
            Operation.SignIn => "/ru/account/sign-in",
            Operation.SignUp => "/ru/account/sign-up",
            Operation.Link => "/ru/account/link",
            _ => "/ru/account/reset",
        };
        var answer = await site.PostAsync(target, jar, fields);

        var (status, text) = operation == Operation.SignIn
            ? (HttpStatusCode.BadRequest, state == State.Locked ? LockedOut : WrongCredentials)
            : (HttpStatusCode.OK, CheckEmail);
        if (answer.Status != status || !WebUtility.HtmlDecode(answer.Body).Contains(text, StringComparison.Ordinal))
        {
            throw new BenchmarkException($"{Name(operation)} for a {Name(state)} address ({email}) answered {(int)answer.Status} "
                + $"{(answer.Status == status ? "without" : "instead of " + (int)status + " with")} «{text}»");
        }
        if (operation != Operation.SignIn) Interlocked.Increment(ref _emailsExpected);
        return answer.Milliseconds;
    }
}
