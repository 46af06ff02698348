using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Notices.Rendering;
using Collections.Notices.Templating;
using Collections.Notices.Tests.Support;

namespace Collections.Notices.Tests.Templating;

public sealed class NoticeTemplateCatalogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("notice-overrides-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void BuiltIn_EveryKindAndLanguage_PassesTheOverrideValidator()
    {
        var problems = new List<string>();
        foreach (var kind in Enum.GetValues<NoticeKind>())
        {
            foreach (var language in Enum.GetValues<NoticeLanguage>())
            {
                foreach (var part in Enum.GetValues<TemplatePart>())
                {
                    var file = TemplateFileNames.FileName(kind, language, part);
                    var source = File.ReadAllText(Path.Combine(TestPaths.ProjectDirectory, "../../src/Collections.Notices/Templates", file));
                    problems.AddRange(NoticeTemplateCatalog.Validate(kind, part, file, source));
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Load_ValidOverride_IsUsedWithOverrideVersion()
    {
        Write("reminder.en.subject.txt", "{{ company_name }}: payment overdue for {{customer_name}}, {{ total_overdue }} ({{ days_overdue }} days)\n");
        var renderer = new NoticeRenderer(NoticeFixtures.Options(), NoticeTemplateCatalog.Load(_folder));

        var reminder = renderer.Render(NoticeFixtures.Request(NoticeKind.Reminder, NoticeLanguage.English));
        var demand = renderer.Render(NoticeFixtures.Request(NoticeKind.Demand, NoticeLanguage.English));

        Assert.Equal("Contoso Trading Ltd.: payment overdue for Northwind Trading GmbH, EUR 19,550.40 and JPY 1,250,000 (72 days)", reminder.Subject);
        Assert.StartsWith("override-", reminder.TemplateVersion, StringComparison.Ordinal);
        Assert.Equal("reminder.en", reminder.TemplateId);
        Assert.Contains("Friendly reminder", reminder.Text, StringComparison.Ordinal);
        Assert.Equal(NoticeTemplateCatalog.BuiltInVersion, demand.TemplateVersion);
    }

    [Fact]
    public void Load_UnknownVariable_FailsNamingFileAndAlternatives()
    {
        Write("demand.zh-CN.txt", "{{statement}} {{how_to_pay}} {{contact_email}} {{deadline_date}}\n{{promise_amount}}");

        var ex = Assert.Throws<NoticeTemplateException>(() => NoticeTemplateCatalog.Load(_folder));

        var problem = Assert.Single(ex.Problems);
        Assert.StartsWith("demand.zh-CN.txt: unknown variable 'promise_amount'; variables available for demand: as_of_date, broken_promise_amount,", problem, StringComparison.Ordinal);
        Assert.Contains(_folder, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LiquidSyntaxError_FailsNamingFileAndPosition()
    {
        Write("escalation.en.html", "<p>{{ statement }} {{ how_to_pay }} {{ contact_email }}</p>\n{% if final_notice_sent %}We refer to our final notice.");

        var ex = Assert.Throws<NoticeTemplateException>(() => NoticeTemplateCatalog.Load(_folder));

        Assert.StartsWith("escalation.en.html: Liquid syntax error: '{% endif %}' was expected at (2:", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ConditionalOverrideOnTheFacts_IsAccepted()
    {
        Write("escalation.en.txt", "{% if final_notice_sent %}Further to our final notice of {{ final_notice_date }}:{% endif %} {{ statement }} {{ how_to_pay }} {{ contact_email }}");
        var renderer = new NoticeRenderer(NoticeFixtures.Options(), NoticeTemplateCatalog.Load(_folder));

        var notice = renderer.Render(NoticeFixtures.Request(NoticeKind.Escalation, NoticeLanguage.English) with { Facts = NoticeFacts.None });

        Assert.DoesNotContain("final notice", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingRequiredVariable_FailsNamingIt()
    {
        Write("final-notice.en.html", "<p>{{statement}} {{how_to_pay}} {{contact_email}}</p>");

        var ex = Assert.Throws<NoticeTemplateException>(() => NoticeTemplateCatalog.Load(_folder));

        Assert.Equal(
            "final-notice.en.html: missing required variable '{{ deadline_date }}' (final-notice html must include it)",
            Assert.Single(ex.Problems));
    }

    [Fact]
    public void Load_SubjectWithoutCreditorAmountOrDays_FailsNamingEach()
    {
        Write("demand.en.subject.txt", "Demand for payment: account {{ customer_id }}");

        var ex = Assert.Throws<NoticeTemplateException>(() => NoticeTemplateCatalog.Load(_folder));

        Assert.Equal(
            [
                "demand.en.subject.txt: missing required variable '{{ company_name }}' (demand subject must include it)",
                "demand.en.subject.txt: missing required variable '{{ days_overdue }}' (demand subject must include it)",
                "demand.en.subject.txt: missing required variable '{{ total_overdue }}' (demand subject must include it)",
            ],
            ex.Problems);
    }

    [Fact]
    public void Load_SeveralBadFiles_ListsEveryProblemOnce()
    {
        Write("receipt.en.subject.txt", "{{ company_name }} thanks {{statement}}");
        Write("receipt.en.txt", "<b>{{statement}}</b> {{contact_email}}");
        Write("reciept.en.html", "typo in the kind");
        Write("README.md", "ignored");

        var ex = Assert.Throws<NoticeTemplateException>(() => NoticeTemplateCatalog.Load(_folder));

        Assert.Equal(3, ex.Problems.Count);
        Assert.Contains(ex.Problems, p => p.StartsWith("receipt.en.subject.txt: unknown variable 'statement'; 'statement' is a block", StringComparison.Ordinal));
        Assert.Contains("receipt.en.txt: plain-text templates must not contain HTML markup (found '<b>')", ex.Problems);
        Assert.Contains(ex.Problems, p => p.StartsWith("reciept.en.html: not a template file name; expected <kind>.<lang>.subject.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MultiLineSubject_Fails()
    {
        Write("demand.en.subject.txt", "Line one\nline two");

        var ex = Assert.Throws<NoticeTemplateException>(() => NoticeTemplateCatalog.Load(_folder));

        Assert.Contains("demand.en.subject.txt: a subject must be a single line", ex.Problems);
    }

    [Fact]
    public void Load_MissingFolder_Fails()
    {
        var missing = Path.Combine(_folder, "nope");

        var ex = Assert.Throws<NoticeTemplateException>(() => NoticeTemplateCatalog.Load(missing));

        Assert.Contains($"{missing}: the template override folder does not exist", ex.Problems);
    }

    [Fact]
    public void Create_OptionsWithBadOverride_FailsAtStartUp()
    {
        Write("demand.en.subject.txt", "{{nope}}");
        var options = NoticeFixtures.Options();
        options.TemplateOverrideFolder = _folder;

        Assert.Throws<NoticeTemplateException>(() => NoticeRenderer.Create(options));
    }

    [Fact]
    public void Load_OverrideHtmlWithHostileValues_StillEscapes()
    {
        Write("reminder.en.html", "<div title=\"{{customer_name}}\">{{statement}} {{how_to_pay}} {{contact_email}}</div>");
        var renderer = new NoticeRenderer(NoticeFixtures.Options(), NoticeTemplateCatalog.Load(_folder));

        var notice = renderer.Render(NoticeFixtures.Request(NoticeKind.Reminder, NoticeLanguage.English) with { CustomerName = "\" onerror=\"x" });

        Assert.Contains("<div title=\"&quot; onerror=&quot;x\">", notice.Html, StringComparison.Ordinal);
    }

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_folder, name), content);
}
