namespace Collections.Pipeline.Ingest;

/// <summary>
/// A pragmatic e-mail syntax check (RFC 5321 dot-atom local part, dotted domain of letters, digits and
/// hyphens). No display names, comments or quoted local parts: a ledger cell holds a bare address.
/// </summary>
internal static class EmailSyntax
{
    private const string LocalSpecials = "!#$%&'*+/=?^_`{|}~-";

    public static bool IsValid(string? address)
    {
        if (string.IsNullOrEmpty(address) || address.Length > 254)
        {
            return false;
        }

        var at = address.LastIndexOf('@');
        if (at <= 0 || at != address.IndexOf('@', StringComparison.Ordinal) || at == address.Length - 1)
        {
            return false;
        }

        return IsValidLocal(address.AsSpan(0, at)) && IsValidDomain(address.AsSpan(at + 1));
    }

    private static bool IsValidLocal(ReadOnlySpan<char> local)
    {
        if (local.Length > 64 || local[0] == '.' || local[^1] == '.')
        {
            return false;
        }

        for (var i = 0; i < local.Length; i++)
        {
            var c = local[i];
            if (c == '.')
            {
                if (local[i - 1] == '.')
                {
                    return false;
                }
            }
            else if (!char.IsAsciiLetterOrDigit(c) && !LocalSpecials.Contains(c, StringComparison.Ordinal) && c <= 0x7F)
            {
                return false;
            }
            else if (c > 0x7F && !char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidDomain(ReadOnlySpan<char> domain)
    {
        var labels = 0;
        foreach (var range in domain.Split('.'))
        {
            var label = domain[range];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (c != '-' && !char.IsLetterOrDigit(c))
                {
                    return false;
                }
            }

            labels++;
        }

        // A top-level domain is at least two letters; bare hosts and IP literals are not notice targets.
        var tld = domain[(domain.LastIndexOf('.') + 1)..];
        return labels >= 2 && tld.Length >= 2 && !tld.ContainsAnyInRange('0', '9');
    }
}
