using System.Reflection;

namespace Collections.Functions.Tests;

/// <summary>Files of the repository and of the Functions app's build output (found from the test assembly upwards).</summary>
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

    /// <summary>The Functions app's build output for this test run's configuration (the project reference builds it first).</summary>
    public static string AppOutput(string file)
    {
        var configuration = typeof(RepositoryFiles).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var path = PathOf($"src/Collections.Functions/bin/{configuration}/net10.0/{file}");
        Assert.True(File.Exists(path) || Directory.Exists(path), $"{path} is missing: build src/Collections.Functions -c {configuration}");
        return path;
    }
}
