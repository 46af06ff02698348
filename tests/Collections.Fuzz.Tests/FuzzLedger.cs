namespace Collections.Fuzz.Tests;

/// <summary>One generated file: its name, bytes and the mutations applied (to reproduce a failure by hand).</summary>
internal sealed record FuzzLedger(int Index, string FileName, byte[] Content, string Mutations);
