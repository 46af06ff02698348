using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Notices.Rendering;
using Collections.Notices.Templating;
using Collections.Notices.Tests.Support;

namespace Collections.Notices.Tests.Rendering;

/// <summary>
/// Every kind in both languages against committed golden files (Golden/&lt;kind&gt;.&lt;lang&gt;.*).
/// Regenerate with <c>UPDATE_GOLDEN=1 dotnet test</c>, then read the diff before committing.
/// </summary>
public sealed class GoldenNoticeTests
{
    private static readonly NoticeRenderer Renderer = new(NoticeFixtures.Options(), NoticeTemplateCatalog.BuiltIn);

    public static TheoryData<NoticeKind, NoticeLanguage> All()
    {
        var data = new TheoryData<NoticeKind, NoticeLanguage>();
        foreach (var kind in Enum.GetValues<NoticeKind>())
        {
            foreach (var language in Enum.GetValues<NoticeLanguage>())
            {
                data.Add(kind, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Render_FixtureAccount_MatchesGoldenFiles(NoticeKind kind, NoticeLanguage language)
    {
        var notice = Renderer.Render(NoticeFixtures.Request(kind, language));

        Compare(TemplateFileNames.FileName(kind, language, TemplatePart.Subject), notice.Subject + "\n");
        Compare(TemplateFileNames.FileName(kind, language, TemplatePart.Html), notice.Html);
        Compare(TemplateFileNames.FileName(kind, language, TemplatePart.Text), notice.Text);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Render_FixtureAccount_TextHasNoMarkupAndNoUnfilledPlaceholders(NoticeKind kind, NoticeLanguage language)
    {
        var notice = Renderer.Render(NoticeFixtures.Request(kind, language));

        Assert.DoesNotMatch("<[a-zA-Z/!]", notice.Text);
        Assert.DoesNotMatch("<[a-zA-Z/!]", notice.Subject);
        foreach (var s in new[] { notice.Subject, notice.Html, notice.Text })
        {
            Assert.DoesNotContain("{{", s, StringComparison.Ordinal);
            Assert.DoesNotContain("}}", s, StringComparison.Ordinal);
        }

        Assert.Equal(NoticeRenderer.ContentHash(notice.Subject, notice.Html, notice.Text), notice.ContentSha256);
        Assert.Equal(NoticeTemplateCatalog.BuiltInVersion, notice.TemplateVersion);
    }

    private static void Compare(string fileName, string actual)
    {
        var path = Path.Combine(TestPaths.Golden, fileName);
        if (TestPaths.UpdateGolden)
        {
            Directory.CreateDirectory(TestPaths.Golden);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {fileName} is missing; run with UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
