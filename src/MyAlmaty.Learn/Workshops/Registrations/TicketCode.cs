using QRCoder;

namespace MyAlmaty.Learn.Workshops.Registrations;

/// <summary>
/// The QR code of a ticket: the check-in address, which a facilitator's phone camera opens. SVG for the ticket page
/// (sharp at any size, no image request) and PNG for the email, where mail programs show no SVG.
/// </summary>
public static class TicketCode
{
    /// <summary>Medium error correction: a phone still reads a creased or dim printout.</summary>
    private const QRCodeGenerator.ECCLevel Level = QRCodeGenerator.ECCLevel.M;

    public static string Svg(string checkInUrl)
    {
        using var data = QRCodeGenerator.GenerateQrCode(checkInUrl, Level);
        // Sized by the page's CSS (viewBox only), drawn black on white whatever the theme's colours: scanners need the contrast.
        return new SvgQRCode(data).GetGraphic(new System.Drawing.Size(256, 256), "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    public static byte[] Png(string checkInUrl)
    {
        using var data = QRCodeGenerator.GenerateQrCode(checkInUrl, Level);
        return new PngByteQRCode(data).GetGraphic(8);
    }
}
