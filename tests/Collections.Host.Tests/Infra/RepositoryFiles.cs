namespace Collections.Host.Tests.Infra;

/// <summary>Files of the repository the tests run in (found from the test assembly's folder upwards).</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CollectionsFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CollectionsFunctions.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative)
    {
        var path = PathOf(relative);
        Assert.True(File.Exists(path), $"{relative} is missing");
        return File.ReadAllText(path);
    }

    public static BicepFile Bicep(string relative) => new(relative, Read(relative));
}
