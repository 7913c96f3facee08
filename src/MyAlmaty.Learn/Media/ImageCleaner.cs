using SkiaSharp;

namespace MyAlmaty.Learn.Media;

/// <summary>The kinds of file the library takes, recognised by their first bytes.</summary>
public enum ImageFormat
{
    Jpeg,
    Png,
    Webp,
}

/// <summary>Why an upload was not taken.</summary>
public enum ImageRefusal
{
    NotAnImage,
    Unreadable,
    TooManyPixels,
    TooLong,
}

/// <summary>A picture rebuilt from its pixels: the master and the served widths, each encoded anew.</summary>
public sealed record CleanImage(int Width, int Height, bool HasAlpha, byte[] Master, IReadOnlyList<ServedImage> Served);

/// <summary>One width of a picture as readers get it: WebP.</summary>
public sealed record ServedImage(int Width, int Height, byte[] Bytes);

/// <summary>The outcome of <see cref="ImageCleaner.Clean"/>: a picture, or a refusal with what it found.</summary>
public sealed record CleaningResult(CleanImage? Image, ImageRefusal? Refusal, ImageFormat? Format = null, int Width = 0, int Height = 0);

/// <summary>
/// Turns an uploaded file into pictures that carry nothing but pixels. The file's kind is read from
/// its first bytes and must agree with what the decoder finds; the dimensions its header declares
/// are checked before a single pixel is decoded, so a small file claiming a huge picture (a
/// decompression bomb) costs nothing. The pixels are converted to sRGB, turned upright by the
/// camera's orientation, and encoded anew without any metadata: no EXIF (the GPS position of a
/// photo lives there), no XMP, no IPTC, no colour profile.
/// </summary>
public static class ImageCleaner
{
    private static readonly SKSamplingOptions Halving = new(SKFilterMode.Linear, SKMipmapMode.None);
    private static readonly SKSamplingOptions Final = new(SKCubicResampler.Mitchell);

    /// <summary>The kind of image the bytes begin like, or null.</summary>
    public static ImageFormat? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return ImageFormat.Jpeg;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return ImageFormat.Png;
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return ImageFormat.Webp;
        return null;
    }

    public static CleaningResult Clean(byte[] bytes)
    {
        if (Sniff(bytes) is not { } format) return new(null, ImageRefusal.NotAnImage);
        using var stream = new SKMemoryStream(bytes);
        using var codec = SKCodec.Create(stream, out var created);
        if (codec is null || created != SKCodecResult.Success || !Agrees(format, codec.EncodedFormat)) return new(null, ImageRefusal.Unreadable, format);

        // The header's word only: nothing has been decoded yet.
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0) return new(null, ImageRefusal.Unreadable, format);
        if (width > MediaLimits.Side || height > MediaLimits.Side) return new(null, ImageRefusal.TooLong, format, width, height);
        if ((long)width * height > MediaLimits.Pixels) return new(null, ImageRefusal.TooManyPixels, format, width, height);

        var opaque = codec.Info.AlphaType == SKAlphaType.Opaque;
        using var srgb = SKColorSpace.CreateSrgb();
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Premul, srgb);
        using var decoded = new SKBitmap();
        if (!decoded.TryAllocPixels(info)) return new(null, ImageRefusal.TooManyPixels, format, width, height);
        // Only a complete decode counts: a truncated or corrupt file is refused, not half shown.
        if (codec.GetPixels(info, decoded.GetPixels()) != SKCodecResult.Success) return new(null, ImageRefusal.Unreadable, format);

        // Turned only when the camera says so: a copy of a picture at the limit is another 160 MB.
        using var turned = Upright(decoded, codec.EncodedOrigin);
        var upright = turned ?? decoded;
        var hasAlpha = !opaque && HasTransparency(upright);
        var master = hasAlpha ? Encode(upright, SKPngEncoderOptions.Default) : Encode(upright, new SKJpegEncoderOptions(MediaLimits.MasterJpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
        var served = ServedWidths(upright.Width).Select(w => Scaled(upright, w)).ToList();
        return new(new CleanImage(upright.Width, upright.Height, hasAlpha, master, served), null, format, upright.Width, upright.Height);
    }

    /// <summary>The widths served for a picture this wide: the standard ones below it, and its own width up to the largest.</summary>
    public static IReadOnlyList<int> ServedWidths(int width) =>
        [.. MediaLimits.Widths.Where(w => w < width).Append(Math.Min(width, MediaLimits.Widths[^1])).Distinct().Order()];

    private static bool Agrees(ImageFormat format, SKEncodedImageFormat found) => (format, found) switch
    {
        (ImageFormat.Jpeg, SKEncodedImageFormat.Jpeg) => true,
        (ImageFormat.Png, SKEncodedImageFormat.Png) => true,
        (ImageFormat.Webp, SKEncodedImageFormat.Webp) => true,
        _ => false,
    };

    /// <summary>The picture as the camera meant it to be seen (EXIF orientation 2–8), as a new bitmap; null when it is upright already.</summary>
    private static SKBitmap? Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var (w, h) = (source.Width, source.Height);
        // Maps a source pixel (x, y) to where it is shown.
        SKMatrix? matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => null,
        };
        if (matrix is not { } m) return null;
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(source.Info.WithSize(turned ? h : w, turned ? w : h));
        using var canvas = new SKCanvas(result);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(m);
        using var paint = new SKPaint { BlendMode = SKBlendMode.Src };
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), paint);
        canvas.Flush();
        return result;
    }

    private static bool HasTransparency(SKBitmap bitmap)
    {
        var pixels = bitmap.GetPixelSpan();
        var row = bitmap.RowBytes;
        for (var y = 0; y < bitmap.Height; y++)
        {
            var line = pixels.Slice(y * row, bitmap.Width * 4);
            for (var x = 3; x < line.Length; x += 4)
            {
                if (line[x] != 255) return true;
            }
        }
        return false;
    }

    /// <summary>Halves with a linear filter while the picture is more than twice the width asked, then a cubic filter to the exact size: sharp, without the moiré a single big step leaves.</summary>
    private static ServedImage Scaled(SKBitmap upright, int width)
    {
        var height = Math.Max(1, (int)Math.Round((double)upright.Height * width / upright.Width));
        var current = upright;
        try
        {
            while (current.Width >= width * 2)
            {
                var half = current.Resize(current.Info.WithSize(Math.Max(width, current.Width / 2), Math.Max(height, current.Height / 2)), Halving)
                    ?? throw new InvalidOperationException("A picture could not be scaled.");
                if (current != upright) current.Dispose();
                current = half;
            }
            if (current.Width == width && current.Height == height)
            {
                return new ServedImage(width, height, Encode(current, new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, MediaLimits.WebpQuality)));
            }
            using var final = current.Resize(current.Info.WithSize(width, height), Final) ?? throw new InvalidOperationException("A picture could not be scaled.");
            return new ServedImage(width, height, Encode(final, new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, MediaLimits.WebpQuality)));
        }
        finally
        {
            if (current != upright) current.Dispose();
        }
    }

    // The pixels are sRGB already; encoded without a colour space, no profile is written (browsers take untagged pictures as sRGB).
    private static byte[] Encode(SKBitmap bitmap, SKJpegEncoderOptions options)
    {
        using var pixmap = Untagged(bitmap);
        using var data = pixmap.Encode(options) ?? throw new InvalidOperationException("A picture could not be encoded as JPEG.");
        return data.ToArray();
    }

    private static byte[] Encode(SKBitmap bitmap, SKPngEncoderOptions options)
    {
        using var pixmap = Untagged(bitmap);
        using var data = pixmap.Encode(options) ?? throw new InvalidOperationException("A picture could not be encoded as PNG.");
        return data.ToArray();
    }

    private static byte[] Encode(SKBitmap bitmap, SKWebpEncoderOptions options)
    {
        using var pixmap = Untagged(bitmap);
        using var data = pixmap.Encode(options) ?? throw new InvalidOperationException("A picture could not be encoded as WebP.");
        return data.ToArray();
    }

    private static SKPixmap Untagged(SKBitmap bitmap) => new(bitmap.Info.WithColorSpace(null), bitmap.GetPixels(), bitmap.RowBytes);
}
