using System.Text;
using Extractor.Cli;

// A buffered, BOM-less UTF-8 stdout with "\n" line ends: records are flushed whole, per document,
// instead of Console.Out's flush on every write.
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = true };
int code = CliApp.Run(args, stdout, stderr);
try { stdout.Flush(); }
catch (IOException) { /* the reader closed the pipe; what it took is complete */ }
return code;
