namespace Collections.Notices.Templating;

/// <summary>A literal run of template text, or a <c>{{name}}</c> placeholder (Name set) at a line and column.</summary>
internal readonly record struct TemplateSegment(string? Literal, string? Name, int Line, int Column)
{
    public bool IsPlaceholder => Name is not null;
}
