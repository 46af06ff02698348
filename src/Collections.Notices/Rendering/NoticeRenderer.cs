using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Notices.Email;
using Collections.Notices.Templating;

namespace Collections.Notices.Rendering;

/// <summary>Renders notices from the template catalog and the configured creditor of each entity.</summary>
public sealed class NoticeRenderer : INoticeRenderer
{
    private readonly NoticeOptions _options;
    private readonly NoticeTemplateCatalog _templates;

    /// <summary>Creates a renderer; validates the options.</summary>
    /// <exception cref="NoticesConfigurationException">The options are invalid.</exception>
    public NoticeRenderer(NoticeOptions options, NoticeTemplateCatalog templates)
    {
        options.Validate();
        _options = options;
        _templates = templates;
    }

    /// <summary>
    /// The start-up path: validates the options and loads the templates with the overrides from
    /// <see cref="NoticeOptions.TemplateOverrideFolder"/>.
    /// </summary>
    /// <exception cref="NoticesConfigurationException">The options are invalid.</exception>
    /// <exception cref="NoticeTemplateException">An override is invalid.</exception>
    public static NoticeRenderer Create(NoticeOptions options)
    {
        options.Validate();
        return new NoticeRenderer(options, NoticeTemplateCatalog.Load(options.TemplateOverrideFolder));
    }

    /// <inheritdoc />
    public RenderedNotice Render(NoticeRequest request)
    {
        var (zone, creditor) = Validate(request);
        var language = request.Language;
        var template = _templates.Get(request.Kind, language);
        var values = NoticeValues.Build(request, creditor, zone);

        var subject = template.Subject.Render(values, html: false).Trim();
        var body = template.Html.Render(values, html: true);
        var html = Shell(language, subject, body);
        var text = template.Text.Render(values, html: false) + "\n";
        var (to, cc) = Recipients(request);
        return new RenderedNotice(
            request.Kind,
            language,
            subject,
            html,
            text,
            template.Id,
            template.Version,
            ContentHash(subject, html, text),
            to,
            cc,
            [new EmailAddress(creditor.ContactEmail, creditor.For(language).CompanyName)]);
    }

    /// <summary>Lower-case hex SHA-256 of UTF-8 subject, NUL, HTML, NUL, text.</summary>
    public static string ContentHash(string subject, string html, string text) =>
        HexSha256.Of(subject + "\0" + html + "\0" + text);

    private (IReadOnlyList<EmailAddress> To, IReadOnlyList<EmailAddress> Cc) Recipients(NoticeRequest request)
    {
        switch (request.Kind)
        {
            case NoticeKind.ApprovalReminder:
                return ([new EmailAddress(_options.SupervisorEmail)], []);
            case NoticeKind.LegalHandoff:
                return ([new EmailAddress(_options.LegalEmail)], [new EmailAddress(_options.SupervisorEmail)]);
        }

        var to = new EmailAddress(request.Contact.Email.Trim(), string.IsNullOrWhiteSpace(request.Contact.ContactName) ? request.CustomerName : request.Contact.ContactName.Trim());
        var copyCcList = request.Kind is NoticeKind.Demand or NoticeKind.FinalNotice or NoticeKind.Escalation;
        var cc = copyCcList
            ? request.Contact.CcEmails
                .Select(c => c.Trim())
                .Where(c => c.Length > 0 && !string.Equals(c, to.Address, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(c => new EmailAddress(c))
                .ToList()
            : [];
        return ([to], cc);
    }

    private (TimeZoneInfo Zone, CreditorOptions Creditor) Validate(NoticeRequest request)
    {
        var problems = new List<string>();
        TimeZoneInfo? zone = null;
        var creditor = _options.CreditorFor(request.Account.Entity);
        if (creditor is null)
        {
            problems.Add($"no creditor is configured for entity '{request.Account.Entity}' (Notices:Creditors:{request.Account.Entity})");
        }
        if (string.IsNullOrWhiteSpace(request.CustomerName))
        {
            problems.Add("CustomerName is required");
        }

        if (!request.Kind.IsInternal() && string.IsNullOrWhiteSpace(request.Contact.Email))
        {
            problems.Add("Contact.Email is required for a notice to the debtor");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(request.Contact.TimeZoneId ?? string.Empty, out zone))
        {
            problems.Add($"Contact.TimeZoneId '{request.Contact.TimeZoneId}' is not a known IANA time zone");
        }

        switch (request.Kind)
        {
            case NoticeKind.Demand or NoticeKind.FinalNotice when request.Facts.Deadline is null:
                problems.Add($"Facts.Deadline (the ladder's, from NoticeFacts.Derive) is required for a {request.Kind}");
                break;
            case NoticeKind.PromiseConfirmation when request.Promise is null:
                problems.Add("Promise is required for a PromiseConfirmation");
                break;
            case NoticeKind.DisputeAcknowledgement when request.Dispute is null || request.Dispute.InvoiceIds.Count == 0:
                problems.Add("Dispute with at least one invoice id is required for a DisputeAcknowledgement");
                break;
            case NoticeKind.ApprovalReminder or NoticeKind.LegalHandoff:
                if (string.IsNullOrWhiteSpace(request.CaseId))
                {
                    problems.Add($"CaseId is required for {request.Kind}");
                }

                if (request.CaseLink is not { IsAbsoluteUri: true } link || (!string.Equals(link.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal) && !string.Equals(link.Scheme, Uri.UriSchemeHttp, StringComparison.Ordinal)))
                {
                    problems.Add($"CaseLink must be an absolute http(s) URI for {request.Kind}");
                }

                break;
        }

        return problems.Count == 0
            ? (zone!, creditor!)
            : throw new ArgumentException("The notice request is invalid: " + string.Join("; ", problems) + ".", nameof(request));
    }

    private static string Shell(NoticeLanguage language, string subject, string body) =>
        $$"""
        <!DOCTYPE html>
        <html lang="{{language.ToCode()}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{HtmlText.Encode(subject)}}</title>
        <style>
        body { font-family: Arial, "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 14px; line-height: 1.5; color: #222; }
        table { border-collapse: collapse; margin: 8px 0; }
        th, td { border: 1px solid #bbb; padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; }
        td.num { text-align: right; white-space: nowrap; }
        p.note { font-size: 12px; color: #555; }
        </style>
        </head>
        <body>
        {{body}}
        </body>
        </html>

        """;
}
