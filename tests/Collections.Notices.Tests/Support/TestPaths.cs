namespace Collections.Notices.Tests.Support;

/// <summary>Locates the test project's source folder (golden files live there, not in bin/).</summary>
internal static class TestPaths
{
    public static string ProjectDirectory { get; } = Find();

    public static string Golden => Path.Combine(ProjectDirectory, "Golden");

    public static bool UpdateGolden => string.Equals(Environment.GetEnvironmentVariable("UPDATE_GOLDEN"), "1", StringComparison.Ordinal);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Collections.Notices.Tests.csproj")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the Collections.Notices.Tests project folder above " + AppContext.BaseDirectory);
    }
}
