using System.Security.Cryptography;
using MimeKit;
using MimeKit.Cryptography;
using MyAlmaty.Learn.Mail;
using MyAlmaty.Learn.Tests.Support;
using Org.BouncyCastle.Crypto;

namespace MyAlmaty.Learn.Tests.Mail;

/// <summary>With Mail:Dkim set, receivers can check that a message comes from our domain, unaltered.</summary>
public sealed class DkimSigningTests
{
    [Fact]
    public async Task A_signed_message_verifies_with_the_domains_public_key_and_covers_the_headers_receivers_act_on()
    {
        using var keys = new TempFolder();
        using var rsa = RSA.Create(2048);
        var keyFile = Path.Combine(keys.Path, "dkim.pem");
        await File.WriteAllTextAsync(keyFile, rsa.ExportRSAPrivateKeyPem());
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var mail = await MailServices.CreateAsync(MailServices.Smtp(smtp.Port, o => o.Dkim = new DkimOptions
        {
            Domain = "myalmaty.local", Selector = "mail2026", PrivateKeyPath = keyFile,
        }));
        await mail.EnqueueAsync(MailServices.Mail(subject: "Семинар: бастамалар — приглашение") with
        {
            Headers = new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = "<https://myalmaty.local/kk/unsubscribe/3f2a9c>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            },
        });

        await mail.Sender.SendDueAsync(CancellationToken.None);

        var received = MimeMessage.Load(new MemoryStream(Assert.Single(smtp.Received).Raw));
        var signature = received.Headers[received.Headers.IndexOf(HeaderId.DkimSignature)];
        var verifier = new DkimVerifier(new TestKeyLocator(rsa));
        Assert.True(await verifier.VerifyAsync(received, signature));
        var tags = signature.Value.Split(';').Select(t => t.Trim()).ToDictionary(t => t[..t.IndexOf('=')], t => t[(t.IndexOf('=') + 1)..]);
        Assert.Equal(("myalmaty.local", "mail2026"), (tags["d"], tags["s"]));
        Assert.Equal(["date", "from", "list-unsubscribe", "list-unsubscribe-post", "message-id", "subject", "to"],
            tags["h"].Split(':').Select(h => h.Trim().ToLowerInvariant()).Order());

        // A changed subject no longer verifies.
        received.Subject = "Другая тема";
        Assert.False(await verifier.VerifyAsync(received, signature));
    }

    [Fact]
    public async Task Without_Dkim_settings_nothing_is_signed()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var mail = await MailServices.CreateAsync(MailServices.Smtp(smtp.Port));
        await mail.EnqueueAsync(MailServices.Mail());

        await mail.Sender.SendDueAsync(CancellationToken.None);

        Assert.False(Assert.Single(smtp.Received).Message.Headers.Contains(HeaderId.DkimSignature));
    }

    [Fact]
    public async Task A_missing_key_file_is_refused_naming_it()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MailServices.CreateAsync(new MailOptions
        {
            Dkim = { Domain = "myalmaty.local", Selector = "mail2026", PrivateKeyPath = "/nowhere/dkim.pem" },
        }));

        Assert.Contains("'/nowhere/dkim.pem' (Mail:Dkim:PrivateKeyPath) does not exist", error.Message);
    }

    /// <summary>Answers the DNS lookup of the selector's TXT record with the test key.</summary>
    private sealed class TestKeyLocator(RSA rsa) : DkimPublicKeyLocatorBase
    {
        private readonly string _record = $"v=DKIM1; k=rsa; p={Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo())}";

        public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            domain == "myalmaty.local" && selector == "mail2026" ? GetPublicKey(_record) : throw new InvalidOperationException($"No key for {selector}._domainkey.{domain}");

        public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
    }
}
