using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace MyAlmaty.Learn.Tests.Media;

/// <summary>
/// Pictures made in the test: photos as a phone writes them (a JPEG with an EXIF segment carrying the
/// camera, the orientation and a GPS position — SkiaSharp writes no EXIF, so the segment is built by
/// hand), PNGs with and without transparency, and files that only pretend to be pictures.
/// </summary>
public static class TestImages
{
    /// <summary>Written in the GPS block of every photo: found in no file the site keeps or serves.</summary>
    public const string SecretPlace = "ALMATY-SECRET-43.2389N-76.8897E";

    public const string SecretCamera = "SecretCam-9000";

    /// <summary>A picture: red, with its left quarter blue (so a turn shows where that quarter went).</summary>
    public static SKBitmap Drawing(int width, int height, bool transparent = false)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(transparent ? SKColors.Transparent : SKColors.Red);
        using var red = new SKPaint { Color = SKColors.Red };
        if (transparent) canvas.DrawRect(width / 4f, 0, width / 2f, height, red);
        using var blue = new SKPaint { Color = SKColors.Blue };
        canvas.DrawRect(0, 0, width / 4f, height, blue);
        return bitmap;
    }

    public static byte[] Jpeg(int width, int height)
    {
        using var bitmap = Drawing(width, height);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    public static byte[] Png(int width, int height, bool transparent = false)
    {
        using var bitmap = Drawing(width, height, transparent);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static byte[] Webp(int width, int height)
    {
        using var bitmap = Drawing(width, height);
        using var data = bitmap.Encode(SKEncodedImageFormat.Webp, 90);
        return data.ToArray();
    }

    /// <summary>A phone's photo: <paramref name="jpeg"/> with an APP1 EXIF segment right after its start (camera, orientation, GPS).</summary>
    public static byte[] Photo(byte[] jpeg, ushort orientation = 1, bool gps = true)
    {
        var exif = "Exif\0\0"u8.ToArray().Concat(ExifTiff(orientation, gps)).ToArray();
        var length = exif.Length + 2;
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. exif];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    /// <summary>A PNG whose header declares <paramref name="width"/> × <paramref name="height"/> pixels, in a few dozen bytes.</summary>
    public static byte[] PngBomb(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 6;
        byte[] deflated = [0x78, 0x9C, 0x63, 0, 0, 0, 1, 0, 1];
        return [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", header), .. Chunk("IDAT", deflated), .. Chunk("IEND", [])];
    }

    public static byte[] Svg => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>");

    public static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Text => Encoding.UTF8.GetBytes("Это не фотография, а текстовый файл с именем photo.jpg.\n");

    /// <summary>The JPEG segments before the image data: (marker, payload).</summary>
    public static IReadOnlyList<(byte Marker, byte[] Payload)> JpegSegments(byte[] jpeg)
    {
        var segments = new List<(byte, byte[])>();
        var i = 2;
        while (i + 4 <= jpeg.Length && jpeg[i] == 0xFF)
        {
            var marker = jpeg[i + 1];
            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            segments.Add((marker, jpeg[(i + 4)..(i + 2 + length)]));
            if (marker == 0xDA) break;
            i += 2 + length;
        }
        return segments;
    }

    /// <summary>The chunk names of a RIFF WebP file (VP8, VP8L, VP8X, ALPH, ICCP, EXIF, XMP …).</summary>
    public static IReadOnlyList<string> WebpChunks(byte[] webp)
    {
        var chunks = new List<string>();
        for (var i = 12; i + 8 <= webp.Length;)
        {
            chunks.Add(Encoding.ASCII.GetString(webp, i, 4));
            var size = BinaryPrimitives.ReadInt32LittleEndian(webp.AsSpan(i + 4));
            i += 8 + size + (size & 1);
        }
        return chunks;
    }

    public static IReadOnlyList<string> PngChunks(byte[] png)
    {
        var chunks = new List<string>();
        for (var i = 8; i + 8 <= png.Length;)
        {
            var size = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(i));
            chunks.Add(Encoding.ASCII.GetString(png, i + 4, 4));
            i += 12 + size;
        }
        return chunks;
    }

    public static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;

    /// <summary>Decodes a picture as a browser would: its size and the colour at a point.</summary>
    public static (int Width, int Height, SKColor Color) Look(byte[] bytes, int x, int y)
    {
        using var bitmap = SKBitmap.Decode(bytes) ?? throw new InvalidOperationException("The picture does not decode.");
        return (bitmap.Width, bitmap.Height, bitmap.GetPixel(x, y));
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>A little-endian TIFF block: IFD0 (camera, orientation, a pointer to the GPS IFD) and the GPS IFD (latitude, longitude, a datum carrying <see cref="SecretPlace"/>).</summary>
    private static byte[] ExifTiff(ushort orientation, bool gps)
    {
        const ushort Ascii = 2, Short = 3, Long = 4, Rational = 5;
        static byte[] Text(string s) => Encoding.ASCII.GetBytes(s + "\0");
        static byte[] Rationals(params (uint N, uint D)[] values)
        {
            var bytes = new byte[values.Length * 8];
            for (var i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 8), values[i].N);
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 8 + 4), values[i].D);
            }
            return bytes;
        }
        var ifd0 = new List<(ushort Tag, ushort Type, uint Count, byte[] Value)>
        {
            (0x010F, Ascii, (uint)Text(SecretCamera).Length, Text(SecretCamera)),
            (0x0112, Short, 1, BitConverter.GetBytes(orientation)),
        };
        var gpsIfd = new List<(ushort Tag, ushort Type, uint Count, byte[] Value)>
        {
            (0x0001, Ascii, 2, Text("N")),
            (0x0002, Rational, 3, Rationals((43, 1), (14, 1), (2004, 100))),
            (0x0003, Ascii, 2, Text("E")),
            (0x0004, Rational, 3, Rationals((76, 1), (53, 1), (2292, 100))),
            (0x0012, Ascii, (uint)Text(SecretPlace).Length, Text(SecretPlace)),
        };
        var tiff = new List<byte> { (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0 };
        var ifd0Size = 2 + (ifd0.Count + (gps ? 1 : 0)) * 12 + 4;
        var ifd0Data = ifd0.Where(e => e.Value.Length > 4).Sum(e => e.Value.Length);
        var gpsOffset = (uint)(8 + ifd0Size + ifd0Data);
        if (gps) ifd0.Add((0x8825, Long, 1, BitConverter.GetBytes(gpsOffset)));
        WriteIfd(tiff, ifd0);
        if (gps) WriteIfd(tiff, gpsIfd);
        return [.. tiff];
    }

    private static void WriteIfd(List<byte> tiff, List<(ushort Tag, ushort Type, uint Count, byte[] Value)> entries)
    {
        var start = tiff.Count;
        var dataOffset = start + 2 + entries.Count * 12 + 4;
        var data = new List<byte>();
        tiff.AddRange(BitConverter.GetBytes((ushort)entries.Count));
        foreach (var (tag, type, count, value) in entries.OrderBy(e => e.Tag))
        {
            tiff.AddRange(BitConverter.GetBytes(tag));
            tiff.AddRange(BitConverter.GetBytes(type));
            tiff.AddRange(BitConverter.GetBytes(count));
            if (value.Length <= 4)
            {
                tiff.AddRange(value.Concat(new byte[4 - value.Length]));
            }
            else
            {
                tiff.AddRange(BitConverter.GetBytes((uint)(dataOffset + data.Count)));
                data.AddRange(value);
            }
        }
        tiff.AddRange(BitConverter.GetBytes(0u));
        tiff.AddRange(data);
    }
}
