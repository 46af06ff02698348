using Fluid;
using Fluid.Ast;

namespace Collections.Notices.Templating;

/// <summary>Walks a parsed template: the root variables it reads, the names it defines itself, and the filters it applies.</summary>
internal sealed class TemplateSyntax : AstVisitor
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly HashSet<string> _defined = new(StringComparer.Ordinal) { "forloop" };
    private readonly List<string> _filters = [];

    private TemplateSyntax()
    {
    }

    public IReadOnlySet<string> Variables => _read.Except(_defined, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);

    public IReadOnlyList<string> Filters => _filters;

    public static TemplateSyntax Of(IFluidTemplate template)
    {
        var syntax = new TemplateSyntax();
        syntax.VisitTemplate(template);
        return syntax;
    }

    protected override Expression VisitMemberExpression(MemberExpression memberExpression)
    {
        if (memberExpression.Segments.Count > 0 && memberExpression.Segments[0] is IdentifierSegment root)
        {
            _read.Add(root.Identifier);
        }

        return base.VisitMemberExpression(memberExpression);
    }

    protected override Expression VisitFilterExpression(FilterExpression filterExpression)
    {
        _filters.Add(filterExpression.Name);
        return base.VisitFilterExpression(filterExpression);
    }

    protected override Statement VisitAssignStatement(AssignStatement assignStatement)
    {
        _defined.Add(assignStatement.Identifier);
        return base.VisitAssignStatement(assignStatement);
    }

    protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
    {
        _defined.Add(captureStatement.Identifier);
        return base.VisitCaptureStatement(captureStatement);
    }

    protected override Statement VisitForStatement(ForStatement forStatement)
    {
        _defined.Add(forStatement.Identifier);
        return base.VisitForStatement(forStatement);
    }
}
