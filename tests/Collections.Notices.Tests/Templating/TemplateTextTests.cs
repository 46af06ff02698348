using Collections.Notices.Templating;

namespace Collections.Notices.Tests.Templating;

public sealed class TemplateTextTests
{
    [Fact]
    public void Render_PlainValue_IsEncodedInHtmlOnly()
    {
        var template = TemplateText.Parse("<p>{{ name }}</p>", "t");
        var values = new Dictionary<string, TemplateValue>(StringComparer.Ordinal) { ["name"] = TemplateValue.Plain("<b>&\"'") };

        Assert.Equal("<p>&lt;b&gt;&amp;&quot;&#39;</p>", template.Render(values, html: true));
        Assert.Equal("<p><b>&\"'</p>", template.Render(values, html: false));
    }

    [Fact]
    public void Render_MultilineValue_EncodesEachLineAndBreaksLines()
    {
        var template = TemplateText.Parse("{{x}}", "t");
        var values = new Dictionary<string, TemplateValue>(StringComparer.Ordinal) { ["x"] = TemplateValue.Multiline("a<\nb") };

        Assert.Equal("a&lt;<br>\nb", template.Render(values, html: true));
    }

    [Theory]
    [InlineData("Hello {{name", "unclosed '{{' at line 1, column 7")]
    [InlineData("a\nb {{Name}}", "invalid placeholder '{{Name}}' at line 2, column 3")]
    [InlineData("{{{raw}}}", "invalid placeholder '{{{raw}}' at line 1, column 1")]
    [InlineData("{{ }}", "invalid placeholder '{{}}' at line 1, column 1")]
    public void TryParse_Malformed_ReportsPosition(string source, string expected)
    {
        var parsed = TemplateText.TryParse(source, out var errors);

        Assert.Null(parsed);
        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void TryParse_Valid_ListsPlaceholdersWithPositions()
    {
        var parsed = TemplateText.TryParse("x {{a}}\n{{ b_2 }}", out var errors);

        Assert.Empty(errors);
        Assert.Equal([("a", 1, 3), ("b_2", 2, 1)], parsed!.Placeholders.Select(p => (p.Name!, p.Line, p.Column)));
    }
}
