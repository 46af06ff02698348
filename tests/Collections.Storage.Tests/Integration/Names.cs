namespace Collections.Storage.Tests.Integration;

internal static class Names
{
    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];
}
