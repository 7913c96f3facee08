using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MyAlmaty.Learn.Tests.Support;

/// <summary>A site over HTTPS on loopback, with a certificate made for the test.</summary>
public static class TestCertificates
{
    /// <summary>A self-signed certificate for 127.0.0.1, as a PFX with the password «test».</summary>
    public static byte[] SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return certificate.Export(X509ContentType.Pfx, "test");
    }

    /// <summary>The arguments that make a <see cref="TestSite"/> listen on HTTPS with a certificate written into <paramref name="folder"/>.</summary>
    public static string[] HttpsArguments(TempFolder folder)
    {
        var pfx = folder.Write("site.pfx", SelfSigned());
        return ["--urls=https://127.0.0.1:0", $"--Kestrel:Certificates:Default:Path={pfx}", "--Kestrel:Certificates:Default:Password=test"];
    }
}
