namespace Collections.Domain.Ledger;

/// <summary>The languages notices are written in. Codes: <c>en</c>, <c>zh-CN</c>.</summary>
public enum NoticeLanguage
{
    /// <summary>English (<c>en</c>).</summary>
    English,

    /// <summary>Simplified Chinese (<c>zh-CN</c>).</summary>
    ChineseSimplified,
}

/// <summary>Conversions between <see cref="NoticeLanguage"/> and its BCP 47 code.</summary>
public static class NoticeLanguages
{
    /// <summary>The BCP 47 code of a language: <c>en</c> or <c>zh-CN</c>.</summary>
    public static string ToCode(this NoticeLanguage language) => language switch
    {
        NoticeLanguage.ChineseSimplified => "zh-CN",
        _ => "en",
    };

    /// <summary>Parses <c>en</c>, <c>en-*</c>, <c>zh</c>, <c>zh-CN</c>, <c>zh-Hans</c> (case-insensitive).</summary>
    public static bool TryParse(string? code, out NoticeLanguage language)
    {
        language = NoticeLanguage.English;
        var c = code?.Trim();
        if (string.IsNullOrEmpty(c))
        {
            return false;
        }

        if (c.Equals("en", StringComparison.OrdinalIgnoreCase) || c.StartsWith("en-", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (c.Equals("zh", StringComparison.OrdinalIgnoreCase)
            || c.Equals("zh-CN", StringComparison.OrdinalIgnoreCase)
            || c.Equals("zh-Hans", StringComparison.OrdinalIgnoreCase)
            || c.Equals("zh-Hans-CN", StringComparison.OrdinalIgnoreCase)
            || c.Equals("zh_CN", StringComparison.OrdinalIgnoreCase))
        {
            language = NoticeLanguage.ChineseSimplified;
            return true;
        }

        return false;
    }
}
