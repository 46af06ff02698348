using Collections.Domain.Ledger;

namespace Collections.Pipeline.Ingest;

/// <summary>The account-level values of a row: contact, language, time zone, country, grade.</summary>
internal sealed partial class LedgerRowValidator
{
    private string? Email(int row, in LedgerCell cell)
    {
        var text = RequiredText(row, LedgerField.ContactEmail, cell);
        if (text is not null && !_validEmails.Contains(text) && !EmailSyntax.IsValid(text))
        {
            Error(LedgerErrorCode.InvalidEmail, row, LedgerField.ContactEmail, cell, "not a valid e-mail address");
            return null;
        }

        if (text is not null && _validEmails.Count < TextPool.Capacity)
        {
            _validEmails.Add(text);
        }

        return text;
    }

    private IReadOnlyList<string>? CcEmails(int row, in LedgerCell cell)
    {
        if (cell.IsBlank)
        {
            return null;
        }

        var list = new List<string>();
        foreach (var part in Pooled(cell).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (EmailSyntax.IsValid(part))
            {
                list.Add(part);
            }
            else
            {
                _errors.Add(LedgerErrorCode.InvalidEmail, row, LedgerField.CcEmails, part, "not a valid e-mail address (cc_emails are separated by ';')");
            }
        }

        return list;
    }

    private NoticeLanguage? Language(int row, in LedgerCell cell)
    {
        if (cell.IsBlank)
        {
            return null;
        }

        if (NoticeLanguages.TryParse(Pooled(cell), out var language))
        {
            return language;
        }

        Error(LedgerErrorCode.InvalidLanguage, row, LedgerField.Language, cell, "language must be en or zh-CN");
        return null;
    }

    private string? TimeZone(int row, in LedgerCell cell)
    {
        if (cell.IsBlank)
        {
            return null;
        }

        var text = Pooled(cell);
        if (!_timeZones.TryGetValue(text, out var resolved))
        {
            resolved = LedgerValues.TryResolveTimeZone(text, out var id) ? id : null;
            if (_timeZones.Count < 10_000)
            {
                _timeZones[text] = resolved;
            }
        }

        if (resolved is null)
        {
            Error(LedgerErrorCode.InvalidTimeZone, row, LedgerField.TimeZone, cell, "not a known IANA time zone id (e.g. Asia/Shanghai)");
        }

        return resolved;
    }

    private string? Country(int row, in LedgerCell cell)
    {
        if (cell.IsBlank)
        {
            return null;
        }

        if (CountryCodes.TryNormalize(Pooled(cell), out var code))
        {
            return code;
        }

        Error(LedgerErrorCode.InvalidCountry, row, LedgerField.Country, cell, "not an ISO 3166 alpha-2 country code (e.g. CN, DE)");
        return null;
    }

    private CreditGrade? Grade(int row, in LedgerCell cell)
    {
        if (cell.IsBlank)
        {
            return null;
        }

        if (LedgerValues.TryParseGrade(Pooled(cell), out var grade))
        {
            return grade;
        }

        Error(LedgerErrorCode.InvalidGrade, row, LedgerField.CreditGrade, cell, "credit_grade must be A, B, C or D");
        return null;
    }
}
