using System.Diagnostics;
using MyAlmaty.Learn.Media;
using SkiaSharp;

namespace MyAlmaty.Learn.Tests.Media;

/// <summary>What becomes of an uploaded file: only its pixels, upright, in the served widths; anything else refused from its first bytes or its header.</summary>
public sealed class ImageCleanerTests
{
    [Fact]
    public void A_photo_with_a_GPS_position_comes_out_as_pixels_only()
    {
        var photo = TestImages.Photo(TestImages.Jpeg(1200, 800));
        Assert.True(TestImages.Contains(photo, TestImages.SecretPlace), "the test photo carries its GPS block");
        using (var codec = SKCodec.Create(new SKMemoryStream(photo))) Assert.NotNull(codec);

        var image = ImageCleaner.Clean(photo).Image!;

        Assert.All(TestImages.JpegSegments(image.Master), s => Assert.NotEqual(0xE1, s.Marker));
        Assert.DoesNotContain(TestImages.JpegSegments(image.Master), s => s.Marker == 0xE2);
        foreach (var bytes in image.Served.Select(s => s.Bytes).Append(image.Master))
        {
            Assert.False(TestImages.Contains(bytes, "Exif\0\0"));
            Assert.False(TestImages.Contains(bytes, TestImages.SecretPlace));
            Assert.False(TestImages.Contains(bytes, TestImages.SecretCamera));
        }
        Assert.All(image.Served, s => Assert.Empty(TestImages.WebpChunks(s.Bytes).Intersect(["EXIF", "XMP ", "ICCP"])));
        Assert.Equal((1200, 800), (TestImages.Look(image.Master, 0, 0).Width, TestImages.Look(image.Master, 0, 0).Height));
    }

    [Theory]
    [InlineData(6, 20, 40, 10, 5, 10, 35)]   // turned a quarter clockwise: the blue left quarter is on top
    [InlineData(8, 20, 40, 10, 35, 10, 5)]   // a quarter anticlockwise: blue at the bottom
    [InlineData(3, 40, 20, 35, 10, 5, 10)]   // upside down: blue on the right
    [InlineData(2, 40, 20, 35, 10, 5, 10)]   // mirrored: blue on the right
    [InlineData(1, 40, 20, 5, 10, 35, 10)]   // as it is
    public void The_cameras_orientation_is_applied_to_the_pixels(ushort orientation, int width, int height, int blueX, int blueY, int redX, int redY)
    {
        var photo = TestImages.Photo(TestImages.Jpeg(40, 20), orientation);

        var image = ImageCleaner.Clean(photo).Image!;

        Assert.Equal((width, height), (image.Width, image.Height));
        var blue = TestImages.Look(image.Master, blueX, blueY).Color;
        var red = TestImages.Look(image.Master, redX, redY).Color;
        Assert.True(blue.Blue > 200 && blue.Red < 60, $"expected blue at ({blueX}, {blueY}), found {blue}");
        Assert.True(red.Red > 200 && red.Blue < 60, $"expected red at ({redX}, {redY}), found {red}");
        using var codec = SKCodec.Create(new SKMemoryStream(image.Master));
        Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
    }

    [Fact]
    public void Served_widths_are_the_standard_ones_below_the_picture_and_never_larger_than_it()
    {
        Assert.Equal([480, 960, 1600], ImageCleaner.ServedWidths(4000));
        Assert.Equal([480, 960, 1600], ImageCleaner.ServedWidths(1600));
        Assert.Equal([480, 960, 1200], ImageCleaner.ServedWidths(1200));
        Assert.Equal([480, 960], ImageCleaner.ServedWidths(960));
        Assert.Equal([300], ImageCleaner.ServedWidths(300));

        var image = ImageCleaner.Clean(TestImages.Jpeg(1200, 900)).Image!;

        Assert.Equal([(480, 360), (960, 720), (1200, 900)], image.Served.Select(s => (s.Width, s.Height)));
        Assert.All(image.Served, s => Assert.Equal((s.Width, s.Height), (TestImages.Look(s.Bytes, 0, 0).Width, TestImages.Look(s.Bytes, 0, 0).Height)));
        Assert.All(image.Served, s => Assert.Equal("WEBP", System.Text.Encoding.ASCII.GetString(s.Bytes, 8, 4)));
    }

    [Fact]
    public void A_transparent_png_keeps_its_transparency_and_an_opaque_one_becomes_a_jpeg_master()
    {
        var transparent = ImageCleaner.Clean(TestImages.Png(100, 50, transparent: true)).Image!;
        var opaque = ImageCleaner.Clean(TestImages.Png(100, 50)).Image!;

        Assert.True(transparent.HasAlpha);
        Assert.Equal(ImageFormat.Png, ImageCleaner.Sniff(transparent.Master));
        Assert.Equal(0, TestImages.Look(transparent.Master, 90, 25).Color.Alpha);
        Assert.Equal(0, TestImages.Look(transparent.Served[0].Bytes, 90, 25).Color.Alpha);
        Assert.DoesNotContain("iCCP", TestImages.PngChunks(transparent.Master));
        Assert.False(opaque.HasAlpha);
        Assert.Equal(ImageFormat.Jpeg, ImageCleaner.Sniff(opaque.Master));
        Assert.NotNull(ImageCleaner.Clean(TestImages.Webp(64, 64)).Image);
    }

    [Fact]
    public void A_small_file_declaring_fifty_thousand_pixels_square_is_refused_from_its_header_without_decoding()
    {
        var bomb = TestImages.PngBomb(50_000, 50_000);
        Assert.True(bomb.Length < 100);
        var before = Process.GetCurrentProcess();
        before.Refresh();
        var memory = before.WorkingSet64;
        var clock = Stopwatch.StartNew();

        var result = ImageCleaner.Clean(bomb);

        clock.Stop();
        var after = Process.GetCurrentProcess();
        after.Refresh();
        Assert.Null(result.Image);
        Assert.Equal(ImageRefusal.TooLong, result.Refusal);
        Assert.Equal((50_000, 50_000), (result.Width, result.Height));
        // Decoding it would take 10 GB and minutes; the header alone takes nothing.
        Assert.True(clock.ElapsedMilliseconds < 1000, $"{clock.ElapsedMilliseconds} ms");
        Assert.True(after.WorkingSet64 - memory < 64 * 1024 * 1024, $"grew by {(after.WorkingSet64 - memory) / 1024 / 1024} MB");

        var wide = ImageCleaner.Clean(TestImages.PngBomb(7_000, 7_000));
        Assert.Equal(ImageRefusal.TooManyPixels, wide.Refusal);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("svg")]
    [InlineData("pdf")]
    [InlineData("gif")]
    public void A_file_that_is_not_a_jpeg_png_or_webp_is_refused_by_its_first_bytes(string kind)
    {
        var bytes = kind switch
        {
            "text" => TestImages.Text,
            "svg" => TestImages.Svg,
            "pdf" => TestImages.Pdf,
            _ => "GIF89a\x01\0\x01\0\0\0\0;"u8.ToArray(),
        };

        Assert.Equal(ImageRefusal.NotAnImage, ImageCleaner.Clean(bytes).Refusal);
    }

    [Fact]
    public void A_damaged_or_disguised_picture_is_refused_as_unreadable()
    {
        var jpeg = TestImages.Jpeg(400, 300);
        byte[] cut = jpeg[..(jpeg.Length * 2 / 3)];
        byte[] pngHeaderOnJpeg = [.. TestImages.Png(10, 10)[..8], .. jpeg];

        Assert.Equal(ImageRefusal.Unreadable, ImageCleaner.Clean(cut).Refusal);
        Assert.Equal(ImageRefusal.Unreadable, ImageCleaner.Clean(pngHeaderOnJpeg).Refusal);
        Assert.Equal(ImageRefusal.Unreadable, ImageCleaner.Clean([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]).Refusal);
    }
}
