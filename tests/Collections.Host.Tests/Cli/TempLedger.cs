using System.Text;

namespace Collections.Host.Tests.Cli;

/// <summary>A ledger (or profile) file in a private temporary directory, deleted on dispose.</summary>
internal sealed class TempLedger : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ingest-cli-").FullName;

    public string Write(string fileName, string content, Encoding? encoding = null)
    {
        var path = Path.Combine(_dir, fileName);
        File.WriteAllBytes(path, (encoding ?? new UTF8Encoding(false)).GetBytes(content));
        return path;
    }

    public string Write(string fileName, byte[] content)
    {
        var path = Path.Combine(_dir, fileName);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
