package dev.slant.datasets.corpus;

import dev.slant.datasets.Article;
import dev.slant.datasets.Target;
import dev.slant.datasets.io.ArticleReader;
import dev.slant.datasets.io.ArticleReaders;
import dev.slant.datasets.io.ColumnMapping;
import dev.slant.datasets.io.LabelColumn;
import dev.slant.datasets.io.ReadOptions;
import dev.slant.datasets.split.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Article-Bias-Prediction (Baly et al., EMNLP 2020): {@code articles.csv.gz} (or {@code articles.csv}) with the
 * published splits under {@code splits/}, or the original repository's layout ({@code data/jsons/*.json} and
 * {@code data/splits/}); both give the same articles. Targets: {@code stance} (left, center, right; ordinal) and
 * {@code topic}. Metadata: outlet ({@code source}), host ({@code source_url}), URL, date and authors.
 */
public final class ArticleBiasCorpus extends FolderCorpus {
    /** The corpus's name. */
    public static final String NAME = "article-bias";
    /** The stance target: the outlet's AllSides rating. */
    public static final Target STANCE = new Target("stance", List.of("left", "center", "right"), true, false);
    /** The topic target (108 values). */
    public static final Target TOPIC = Target.named("topic");
    /** The names of the published splits. */
    public static final List<String> SPLITS = List.of("random", "media");

    /** How the columns (and the JSON files' fields) map to articles. */
    public static final ColumnMapping MAPPING = ColumnMapping.builder()
            .idColumn("ID").titleColumn("title").textColumn("content_original")
            .label(LabelColumn.of(STANCE.name(), "bias_text").withAllowed(STANCE.labels()))
            .label(LabelColumn.of(TOPIC.name(), "topic"))
            .metadata(Article.OUTLET, "source").metadata(Article.HOST, "source_url").metadata(Article.URL, "url")
            .metadata(Article.DATE, "date").metadata("authors", "authors")
            .build();

    /** @param dir the corpus's folder */
    public ArticleBiasCorpus(Path dir) {
        super(dir, NAME, List.of(STANCE, TOPIC));
    }

    @Override
    public ArticleReader open(ReadOptions options) throws IOException {
        for (String name : List.of("articles.csv.gz", "articles.csv")) {
            Path csv = dir.resolve(name);
            if (Files.isRegularFile(csv)) {
                return ArticleReaders.open(csv, MAPPING, options);
            }
        }
        Path jsons = dir.resolve("data").resolve("jsons");
        if (Files.isDirectory(jsons)) {
            return JsonFilesReader.open(jsons, MAPPING, options);
        }
        throw new NoSuchFileException(dir.toString(), null,
                "no article-bias corpus here: expected articles.csv.gz or data/jsons/");
    }

    @Override
    public Map<String, Split> publishedSplits() throws IOException {
        Map<String, Split> splits = new LinkedHashMap<>();
        for (String name : SPLITS) {
            for (Path base : List.of(dir.resolve("splits"), dir.resolve("data").resolve("splits"))) {
                if (Files.isDirectory(base.resolve(name))) {
                    splits.put(name, SplitFiles.read(name, base.resolve(name)));
                    break;
                }
            }
        }
        return splits;
    }
}
