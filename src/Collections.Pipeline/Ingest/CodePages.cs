using System.Text;

namespace Collections.Pipeline.Ingest;

/// <summary>Registers the code-page encodings (GB18030, and the ones ExcelDataReader needs) once.</summary>
internal static class CodePages
{
    private static int _registered;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        }
    }

    /// <summary>GB18030 that throws on undecodable bytes instead of inserting U+FFFD.</summary>
    public static Encoding StrictGb18030()
    {
        EnsureRegistered();
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>UTF-8 that throws on invalid bytes (no BOM emitted; a BOM is stripped by the sniffer).</summary>
    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Resolves an encoding name (utf-8, gb18030, gbk, utf-16 ...) with strict decoding; null if unknown.</summary>
    public static Encoding? TryGetStrict(string name)
    {
        EnsureRegistered();
        try
        {
            var encoding = Encoding.GetEncoding(name.Trim());
            return encoding is UTF8Encoding
                ? StrictUtf8
                : Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
