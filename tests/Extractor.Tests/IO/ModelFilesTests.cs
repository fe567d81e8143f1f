using Extractor.IO.Models;
using Extractor.Models;

namespace Extractor.Tests.IO;

public class ModelFilesTests
{
    [Fact]
    public void Load_Shipped_IsTheModelBesideTheAssembly()
    {
        Assert.True(File.Exists(ModelFiles.ShippedPath), ModelFiles.ShippedPath);
        Assert.Equal(ShippedModel.Model.Info.Version, ModelFiles.Load(null).Info.Version);
    }

    [Fact]
    public void ReadInfo_IsTheLoadedModelsProvenance_FromTheFilesStartAlone()
    {
        Assert.Equal(ModelFiles.Load(null).Info, ModelFiles.ReadInfo(null));
        using var tmp = new TempFolder();
        var bytes = File.ReadAllBytes(ModelFiles.ShippedPath);
        // The rest of the file is not read: a model cut after its first 64 KB still gives its provenance.
        string cut = tmp.Write("cut.model", bytes[..(64 * 1024)]);
        Assert.Equal(ShippedModel.Model.Info, ModelFiles.ReadInfo(cut));
        string tiny = tmp.Write("tiny.model", bytes[..40]);
        Assert.StartsWith($"{tiny}: corrupt model file", Assert.Throws<ModelFormatException>(() => ModelFiles.ReadInfo(tiny)).Message);
        string header = tmp.Write("header.model", bytes[..32]);
        Assert.Equal($"{header}: corrupt model file (no provenance record after the header)", Assert.Throws<ModelFormatException>(() => ModelFiles.ReadInfo(header)).Message);
        Assert.Equal("/dev/zero: not a model file (a device, not a regular file)", Assert.Throws<ModelFormatException>(() => ModelFiles.ReadInfo("/dev/zero")).Message);
        Assert.Contains("not an Extractor model file", Assert.Throws<ModelFormatException>(() => ModelFiles.ReadInfo(tmp.Write("text.model", "hello world, not a model at all; long enough"))).Message);
    }

    [Fact]
    public void Load_MissingFile_OneLineNamingIt()
    {
        var e = Assert.Throws<ModelFormatException>(() => ModelFiles.Load("/nonexistent/x.model"));

        Assert.Equal("/nonexistent/x.model: no such model file", e.Message);
    }

    [Fact]
    public void Load_Device_RefusedWithoutReadingIt()
    {
        var e = Assert.Throws<ModelFormatException>(() => ModelFiles.Load("/dev/zero"));

        Assert.Equal("/dev/zero: not a model file (a device, not a regular file)", e.Message);
    }

    [Fact]
    public void Load_NotAModel_Refused()
    {
        using var folder = new TempFolder();
        string file = folder.Write("notes.model", "these are not weights");

        Assert.Throws<ModelFormatException>(() => ModelFiles.Load(file));
    }
}
