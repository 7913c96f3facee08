using MimeKit;
using MimeKit.Cryptography;

namespace MyAlmaty.Learn.Mail;

/// <summary>Signs outgoing messages with DKIM when Mail:Dkim is configured. One per worker, like the connection.</summary>
internal sealed class DkimMessageSigner
{
    // The headers a receiver shows or acts on; each is signed only when the message has it.
    private static readonly HeaderId[] Candidates =
        [HeaderId.From, HeaderId.To, HeaderId.Subject, HeaderId.Date, HeaderId.MessageId];
    private static readonly string[] UnsubscribeHeaders = ["List-Unsubscribe", "List-Unsubscribe-Post"];

    private readonly DkimSigner _signer;

    public DkimMessageSigner(DkimOptions options)
    {
        _signer = new DkimSigner(options.PrivateKeyPath!, options.Domain!, options.Selector!)
        {
            HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            AgentOrUserIdentifier = "@" + options.Domain,
        };
    }

    public void Sign(MimeMessage message)
    {
        // Fix the transfer encodings now: a relay without 8BITMIME would make the client re-encode
        // the body after signing, and the signature would no longer match.
        message.Prepare(EncodingConstraint.SevenBit);
        var headers = Candidates.Where(id => message.Headers.Contains(id)).Select(id => id.ToHeaderName())
            .Concat(UnsubscribeHeaders.Where(message.Headers.Contains))
            .ToList();
        _signer.Sign(message, headers);
    }
}
