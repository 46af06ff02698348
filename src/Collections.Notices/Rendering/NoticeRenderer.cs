using System.Globalization;
using Collections.Domain.Aging;
using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Notices.Email;
using Collections.Notices.Templating;

namespace Collections.Notices.Rendering;

/// <summary>Renders notices from the template catalog and the configured company texts.</summary>
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
        var zone = Validate(request);
        var language = request.Language;
        var template = _templates.Get(request.Kind, language);
        var values = BuildValues(request, zone);

        var subject = template.Subject.Render(values, html: false).Trim();
        var body = template.Html.Render(values, html: true);
        var html = Shell(language, subject, body);
        var text = template.Text.Render(values, html: false) + "\n";
        var (to, cc) = Recipients(request);
        var locale = _options.For(language);
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
            [new EmailAddress(_options.ContactEmail, locale.CompanyName)]);
    }

    /// <summary>Lower-case hex SHA-256 of UTF-8 subject, NUL, HTML, NUL, text.</summary>
    public static string ContentHash(string subject, string html, string text) =>
        HexSha256.Of(subject + "\0" + html + "\0" + text);

    private Dictionary<string, TemplateValue> BuildValues(NoticeRequest request, TimeZoneInfo zone)
    {
        var language = request.Language;
        var labels = NoticeLabels.For(language);
        var locale = _options.For(language);
        var disputedIds = StatementItems.DisputedIds(request.DisputedInvoiceIds, request.Dispute is { } dispute ? [dispute.InvoiceIds] : []);

        var balance = AccountBalance.Compute(request.Items, request.AsOf, disputedIds);
        var sentDate = NoticeFormat.LocalDate(request.SentAt, zone);
        string Date(DateOnly d) => NoticeFormat.Date(d, language);

        var values = new Dictionary<string, TemplateValue>(StringComparer.Ordinal)
        {
            ["company_name"] = TemplateValue.Plain(locale.CompanyName),
            ["customer_name"] = TemplateValue.Plain(request.CustomerName),
            ["customer_id"] = TemplateValue.Plain(request.Account.CustomerId),
            ["entity"] = TemplateValue.Plain(request.Account.Entity),
            ["salutation"] = TemplateValue.Plain(Salutation(request, labels)),
            ["sent_date"] = TemplateValue.Plain(Date(sentDate)),
            ["as_of_date"] = TemplateValue.Plain(Date(request.AsOf)),
            ["next_due_date"] = TemplateValue.Plain(balance.EarliestUpcomingDueDate is { } next ? Date(next) : labels.None),
            ["days_overdue"] = TemplateValue.Plain(NoticeFormat.Number(balance.DaysOverdue)),
            ["total_open"] = TemplateValue.Plain(Totals(balance.Balances.Where(b => b.Open != 0m).Select(b => NoticeFormat.Amount(b.Open, b.Currency)), labels)),
            ["total_overdue"] = TemplateValue.Plain(Totals(balance.Balances.Where(b => b.Overdue > 0m).Select(b => NoticeFormat.Amount(b.Overdue, b.Currency)), labels)),
            ["contact_person"] = TemplateValue.Plain(locale.ContactPerson),
            ["contact_email"] = TemplateValue.Plain(_options.ContactEmail),
            ["contact_phone"] = TemplateValue.Plain(_options.ContactPhone),
            ["how_to_pay"] = TemplateValue.Multiline(locale.HowToPay.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()),
            ["statement"] = StatementRenderer.Render(request.Items, balance, i => StatementItems.IsDisputed(i, disputedIds), language),
        };

        switch (request.Kind)
        {
            case NoticeKind.Demand:
                var paymentDays = request.PaymentDays ?? _options.DemandPaymentDays;
                values["deadline_date"] = TemplateValue.Plain(Date(request.Deadline ?? sentDate.AddDays(paymentDays)));
                values["payment_days"] = TemplateValue.Plain(NoticeFormat.Number(paymentDays));
                break;
            case NoticeKind.FinalNotice:
                values["deadline_date"] = TemplateValue.Plain(Date(request.Deadline ?? sentDate.AddDays(_options.FinalNoticeDays)));
                break;
            case NoticeKind.PromiseConfirmation:
                values["promise_date"] = TemplateValue.Plain(Date(request.Promise!.Date));
                values["promise_amount"] = TemplateValue.Plain(NoticeFormat.Amount(request.Promise.Amount));
                break;
            case NoticeKind.DisputeAcknowledgement:
                values["disputed_invoices"] = TemplateValue.Plain(string.Join(labels.InvoiceListSeparator, request.Dispute!.InvoiceIds));
                values["dispute_reason"] = TemplateValue.Plain(request.Dispute.Reason.Trim());
                break;
            case NoticeKind.ApprovalReminder or NoticeKind.LegalHandoff:
                values["case_id"] = TemplateValue.Plain(request.CaseId!);
                values["case_link"] = TemplateValue.Plain(request.CaseLink!.AbsoluteUri);
                break;
        }

        return values;
    }

    private static string Salutation(NoticeRequest request, NoticeLabels labels)
    {
        if (request.Kind.IsInternal())
        {
            return labels.SalutationInternal;
        }

        return string.IsNullOrWhiteSpace(request.Contact.ContactName)
            ? string.Format(CultureInfo.InvariantCulture, labels.SalutationDefault, request.CustomerName)
            : string.Format(CultureInfo.InvariantCulture, labels.SalutationNamed, request.Contact.ContactName.Trim());
    }

    // "EUR 10.00", "EUR 10.00 and JPY 5", "EUR 10.00, JPY 5 and USD 1.00" (zh: "EUR 10.00、JPY 5").
    private static string Totals(IEnumerable<string> amounts, NoticeLabels labels)
    {
        var list = amounts.ToList();
        return list.Count switch
        {
            0 => labels.None,
            1 => list[0],
            _ => string.Join(labels.ListSeparator, list[..^1]) + labels.LastListSeparator + list[^1],
        };
    }

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

    private static TimeZoneInfo Validate(NoticeRequest request)
    {
        var problems = new List<string>();
        TimeZoneInfo? zone = null;
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
            ? zone!
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
