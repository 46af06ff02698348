using Collections.Notices.Templating;

namespace Collections.Notices.Tests.Templating;

public sealed class LiquidTemplateTests
{
    [Fact]
    public void Render_PlainValue_IsEncodedInHtmlOnly()
    {
        var template = LiquidTemplate.Parse("<p>{{ name }}</p>", "t");
        var values = new Dictionary<string, TemplateValue>(StringComparer.Ordinal) { ["name"] = TemplateValue.Plain("<b>&\"' 上海") };

        Assert.Equal("<p>&lt;b&gt;&amp;&quot;&#x27; 上海</p>", template.Render(values, html: true));
        Assert.Equal("<p><b>&\"' 上海</p>", template.Render(values, html: false));
    }

    [Fact]
    public void Render_MultilineValue_EncodesEachLineAndBreaksLines()
    {
        var template = LiquidTemplate.Parse("{{x}}", "t");
        var values = new Dictionary<string, TemplateValue>(StringComparer.Ordinal) { ["x"] = TemplateValue.Multiline("a<\nb") };

        Assert.Equal("a&lt;<br>\nb", template.Render(values, html: true));
    }

    [Theory]
    [InlineData(true, "Despite our reminder, pay.")]
    [InlineData(false, "Please pay.")]
    public void Render_Condition_SaysOnlyWhatTheFactAllows(bool reminderSent, string expected)
    {
        var template = LiquidTemplate.Parse("{% if reminder_sent %}Despite our reminder, pay.{% else %}Please pay.{% endif %}", "t");
        var values = new Dictionary<string, TemplateValue>(StringComparer.Ordinal) { ["reminder_sent"] = TemplateValue.Flag(reminderSent) };

        Assert.Equal(expected, template.Render(values, html: false));
    }

    [Fact]
    public void Render_ConditionalParagraphLeftOut_CollapsesTheBlankLines()
    {
        var template = LiquidTemplate.Parse("A\n\n{% if x %}B{% endif %}\n\nC", "t");
        var values = new Dictionary<string, TemplateValue>(StringComparer.Ordinal) { ["x"] = TemplateValue.None };

        Assert.Equal("A\n\nC", template.Render(values, html: false));
    }

    [Theory]
    [InlineData("Hello {{ name", "End of tag '}}' was expected at (1:14)")]
    [InlineData("{% if x %} no end", "'{% endif %}' was expected at (1:18)")]
    [InlineData("a\n{% frobnicate %}", "Unknown tag 'frobnicate' at (2:14)")]
    public void TryParse_Malformed_ReportsFluidsMessageWithPosition(string source, string expected)
    {
        var parsed = LiquidTemplate.TryParse(source, out var error);

        Assert.Null(parsed);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_Valid_ListsVariablesAndUnknownFiltersButNotItsOwnNames()
    {
        var parsed = LiquidTemplate.TryParse("x {{ a }} {% if b.size > 1 %}{{ c | upcase }}{% endif %}{% assign d = 1 %}{{ d }}{% for i in e %}{{ i }}{% endfor %}{{ a | shout }}", out var error);

        Assert.Null(error);
        Assert.Equal(["a", "b", "c", "e"], parsed!.Variables.Order(StringComparer.Ordinal));
        Assert.Equal(["shout"], parsed.UnknownFilters);
    }
}
