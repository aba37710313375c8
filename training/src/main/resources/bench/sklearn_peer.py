"""scikit-learn peer of `slant bench --peers`: TF-IDF word 1-2-grams (min_df 2, sublinear tf) and a linear SVM.

Usage: python3 sklearn_peer.py TRAIN.tsv VALID.tsv TEST.tsv PREDICTIONS.tsv MODEL.pkl C [C ...]

Each input line is "id<TAB>label<TAB>text" (Slant writes these files; tabs and newlines in the text are spaces).
With one C it is used as given; with several, the one with the best macro-F1 on VALID is kept (VALID is never
used for fitting). Writes one "id<TAB>predicted" line per TEST article, pickles the fitted vectorizer and model,
and prints one JSON object on stdout: trainSeconds (reading, vectorizing, fitting), predictSeconds (best of
three runs of transform + predict over TEST's texts, already in memory), modelBytes, C.
"""
import json
import pickle
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score
from sklearn.svm import LinearSVC


def read(path):
    ids, labels, texts = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            i, label, text = line.rstrip("\n").split("\t", 2)
            ids.append(i)
            labels.append(label)
            texts.append(text)
    return ids, labels, texts


def main(argv):
    if len(argv) < 7:
        sys.exit("usage: sklearn_peer.py TRAIN VALID TEST PREDICTIONS MODEL C [C ...]")
    train_path, valid_path, test_path, out_path, model_path = argv[1:6]
    costs = [float(c) for c in argv[6:]]
    t0 = time.perf_counter()
    _, y_train, x_train = read(train_path)
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, dtype="float32")
    features = vectorizer.fit_transform(x_train)
    best, best_f1 = None, -1.0
    if len(costs) > 1:
        _, y_valid, x_valid = read(valid_path)
        valid_features = vectorizer.transform(x_valid)
    for c in costs:
        model = LinearSVC(C=c, class_weight="balanced").fit(features, y_train)
        if len(costs) == 1:
            best = (c, model)
            break
        f1 = f1_score(y_valid, model.predict(valid_features), average="macro")
        if f1 > best_f1:
            best, best_f1 = (c, model), f1
    train_seconds = time.perf_counter() - t0
    c, model = best
    test_ids, _, x_test = read(test_path)
    predict_seconds = float("inf")
    for _ in range(3):
        t1 = time.perf_counter()
        predicted = model.predict(vectorizer.transform(x_test))
        predict_seconds = min(predict_seconds, time.perf_counter() - t1)
    with open(out_path, "w", encoding="utf-8") as f:
        for i, p in zip(test_ids, predicted):
            f.write(f"{i}\t{p}\n")
    vectorizer.stop_words_ = None  # the pruned terms; scikit-learn documents dropping them before pickling
    with open(model_path, "wb") as f:
        pickle.dump((vectorizer, model), f, protocol=pickle.HIGHEST_PROTOCOL)
    with open(model_path, "rb") as f:
        model_bytes = len(f.read())
    print(json.dumps({"trainSeconds": train_seconds, "predictSeconds": predict_seconds,
                      "modelBytes": model_bytes, "C": c}))


if __name__ == "__main__":
    main(sys.argv)
