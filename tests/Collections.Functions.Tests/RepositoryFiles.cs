using System.Reflection;
using Shared = Collections.Host.Tests.Infra.RepositoryFiles;

namespace Collections.Functions.Tests;

/// <summary>
/// Files of the repository (the local host's tests' <see cref="Shared"/>, linked in) and of the Functions app's build output.
/// </summary>
internal static class RepositoryFiles
{
    public static string Root => Shared.Root;

    public static string PathOf(string relative) => Shared.PathOf(relative);

    public static string Read(string relative) => Shared.Read(relative);

    /// <summary>The Functions app's build output for this test run's configuration (the project reference builds it first).</summary>
    public static string AppOutput(string file)
    {
        var configuration = typeof(RepositoryFiles).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var path = PathOf($"src/Collections.Functions/bin/{configuration}/net10.0/{file}");
        Assert.True(File.Exists(path) || Directory.Exists(path), $"{path} is missing: build src/Collections.Functions -c {configuration}");
        return path;
    }
}
