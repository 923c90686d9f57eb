using System.Globalization;
using TrainingOrchestration.Contracts.Model;

namespace TrainingOrchestration.Contracts.Expressions;

/// <summary>
/// Parses the contract's predicate language:
/// <code>
/// or      := and ('or' and)*
/// and     := not ('and' not)*
/// not     := 'not' not | compare
/// compare := sum (('=='|'!='|'&lt;'|'&lt;='|'&gt;'|'&gt;=') sum | 'is' ['not'] 'null')?
/// sum     := product (('+'|'-') product)*
/// product := unary (('*'|'/') unary)*
/// unary   := '-' unary | number | 'text' | true | false | column | '(' or ')'
/// </code>
/// Columns are the contract's declared columns; string columns compare only with strings (==, !=, &lt;...),
/// numeric, boolean, date and timestamp columns are numbers (see README for the coercions).
/// </summary>
public static class ExpressionParser
{
    public static RowPredicate Parse(string text, IReadOnlyList<ColumnSpec> columns)
    {
        var parser = new Parser(ExpressionLexer.Tokenize(text), columns);
        var root = parser.ParseOr();
        parser.ExpectEnd();
        if (root.Type != ExpressionType.Bool)
        {
            throw new ExpressionSyntaxException(0, "the expression must be a predicate (a comparison, 'is null', 'and', 'or' or 'not'), not a value");
        }
        return new RowPredicate(text, root);
    }

    private sealed class Parser(IReadOnlyList<ExpressionToken> tokens, IReadOnlyList<ColumnSpec> columns)
    {
        private int index;

        private ExpressionToken Peek => tokens[index];

        public void ExpectEnd()
        {
            if (Peek.Kind != TokenKind.End) throw Error(Peek, $"unexpected '{Peek.Text}'");
        }

        public ExpressionNode ParseOr()
        {
            var left = ParseAnd();
            while (IsKeyword("or"))
            {
                var at = tokens[index++];
                left = new Logical(false, RequireBool(left, at), RequireBool(ParseAnd(), at));
            }
            return left;
        }

        private ExpressionNode ParseAnd()
        {
            var left = ParseNot();
            while (IsKeyword("and"))
            {
                var at = tokens[index++];
                left = new Logical(true, RequireBool(left, at), RequireBool(ParseNot(), at));
            }
            return left;
        }

        private ExpressionNode ParseNot()
        {
            if (!IsKeyword("not")) return ParseComparison();
            var at = tokens[index++];
            return new Not(RequireBool(ParseNot(), at));
        }

        private ExpressionNode ParseComparison()
        {
            var left = ParseSum();
            if (IsKeyword("is"))
            {
                index++;
                var negated = IsKeyword("not");
                if (negated) index++;
                if (!IsKeyword("null")) throw Error(Peek, "expected 'null' after 'is'");
                index++;
                return new NullTest(left, negated);
            }
            if (Peek.Kind != TokenKind.Operator || Peek.Text is not ("==" or "!=" or "<" or "<=" or ">" or ">=")) return left;
            var op = tokens[index++];
            var right = ParseSum();
            // Boolean columns and literals compare as the numbers 1 and 0 (flag == true, flag != 0).
            var leftType = left is BoolLiteral or ColumnReference { Type: ExpressionType.Bool } ? ExpressionType.Number : left.Type;
            var rightType = right is BoolLiteral or ColumnReference { Type: ExpressionType.Bool } ? ExpressionType.Number : right.Type;
            if (leftType != rightType || leftType == ExpressionType.Bool)
            {
                throw Error(op, $"cannot compare {Describe(left)} with {Describe(right)}");
            }
            return new Comparison(op.Text, left, right);
        }

        private ExpressionNode ParseSum()
        {
            var left = ParseProduct();
            while (Peek.Kind == TokenKind.Operator && Peek.Text is "+" or "-")
            {
                var op = tokens[index++];
                left = new Arithmetic(op.Text[0], RequireNumber(left, op), RequireNumber(ParseProduct(), op));
            }
            return left;
        }

        private ExpressionNode ParseProduct()
        {
            var left = ParseUnary();
            while (Peek.Kind == TokenKind.Operator && Peek.Text is "*" or "/")
            {
                var op = tokens[index++];
                left = new Arithmetic(op.Text[0], RequireNumber(left, op), RequireNumber(ParseUnary(), op));
            }
            return left;
        }

        private ExpressionNode ParseUnary()
        {
            var token = tokens[index++];
            switch (token.Kind)
            {
                case TokenKind.Operator when token.Text == "-":
                    return new Negation(RequireNumber(ParseUnary(), token));
                case TokenKind.Number:
                    return new NumberLiteral(double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture));
                case TokenKind.Text:
                    return new TextLiteral(token.Text);
                case TokenKind.Identifier when token.Text is "true" or "false":
                    return new BoolLiteral(token.Text == "true");
                case TokenKind.Identifier when token.Text is "and" or "or" or "not" or "is" or "null":
                    throw Error(token, $"unexpected keyword '{token.Text}'");
                case TokenKind.Identifier:
                    return Column(token);
                case TokenKind.Operator when token.Text == "(":
                    var inner = ParseOr();
                    if (Peek.Kind != TokenKind.Operator || Peek.Text != ")") throw Error(Peek, "expected ')'");
                    index++;
                    return inner;
                case TokenKind.End:
                    throw Error(token, "unexpected end of expression");
                default:
                    throw Error(token, $"unexpected '{token.Text}'");
            }
        }

        private ExpressionNode Column(ExpressionToken token)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].Name != token.Text) continue;
                var type = columns[i].Type switch
                {
                    ColumnType.String => ExpressionType.Text,
                    ColumnType.Boolean => ExpressionType.Bool,
                    _ => ExpressionType.Number,
                };
                return new ColumnReference(i, type);
            }
            throw Error(token, $"unknown column '{token.Text}' (declare it under columns:)");
        }

        private bool IsKeyword(string word) => Peek.Kind == TokenKind.Identifier && Peek.Text == word;

        private static ExpressionNode RequireBool(ExpressionNode node, ExpressionToken at) =>
            node.Type == ExpressionType.Bool ? node : throw Error(at, $"'{at.Text}' needs predicates on both sides, found {Describe(node)}");

        private static ExpressionNode RequireNumber(ExpressionNode node, ExpressionToken at) =>
            node.Type == ExpressionType.Number || node is ColumnReference { Type: ExpressionType.Bool } || node is BoolLiteral
                ? node
                : throw Error(at, $"'{at.Text}' needs numbers, found {Describe(node)}");

        private static string Describe(ExpressionNode node) => node.Type switch
        {
            ExpressionType.Text => "text",
            ExpressionType.Bool => "a predicate",
            _ => "a number",
        };

        private static ExpressionSyntaxException Error(ExpressionToken at, string message) =>
            new(at.Position, $"{message} at position {at.Position + 1}");
    }
}
