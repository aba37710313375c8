# Makes the hostile inputs of this folder (see README.md): python3 make.py
import gzip, io


def w(name, data):
    with open(name, 'wb') as f:
        f.write(data)


def gz(data):
    b = io.BytesIO()
    with gzip.GzipFile(fileobj=b, mode='wb', compresslevel=9, mtime=0) as g:
        g.write(data)
    return b.getvalue()


H = b'id,title,text\n'
# quotes
w('quote-inside-unquoted.csv', H + b'1,T,a "quoted" word inside\n2,T,"fine, quoted"\n')
w('char-after-closing-quote.csv', H + b'1,T,fine\n2,T,"closed" then more\n3,T,never read\n')
w('space-after-closing-quote.csv', H + b'1,T,"closed"   \n2,T,"closed"\t,\n3,T,"x" \xe2\x80\x83\n')
w('unterminated-last-record.csv', H + b'1,T,fine\n2,T,"cut short by head\nsecond line\n')
w('stray-quote-swallows-the-rest.csv', H + b'1,T,fine\n2,"T,stray quote in the title\n'
  + b''.join(b'%d,T,body number %d\n' % (i, i) for i in range(3, 3000)))
w('doubled-quotes-everywhere.csv', H + b'1,"""T""",""""""""\n2,"a""b","""\n""\r\n"""\n')
w('lone-cr-line-ends.csv', b'id,title,text\r1,T,one\r2,T,"two\rlines"\r\r3,T,three')
w('mixed-line-ends.csv', b'id,title,text\r\n1,T,one\n2,T,"two\r\nlines"\r3,T,three\r\n\r\n4,T,four\n')
w('fields-missing-and-extra.csv', H + b'1,T\n2,T,t,extra\n3,T,fine\n,T,no id\n3,T,duplicate id\n')
w('quote-only-fields.csv', H + b'"""",""""""," "\n""\n"",""\n')
# encodings
w('utf16le-bom.csv', ('\ufeff' + H.decode() + '1,T,text\n').encode('utf-16-le'))
w('utf16be-no-bom.csv', (H.decode() + '1,T,text\n').encode('utf-16-be'))
w('utf32le-bom.csv', ('\ufeff' + H.decode() + '1,T,text\n').encode('utf-32-le'))
w('latin1.csv', H + '1,T,caf\xe9 cr\xe8me\n2,T,plain\n'.encode('latin-1'))
w('overlong-and-surrogates.csv', H + b'1,T,over\xc0\xafong\n2,T,surr\xed\xa0\x80ogate\n3,T,cut \xf0\x9f\x98\n'
  + b'4,T,fine \xf0\x9f\x98\x80\n')
w('utf8-bom.csv', b'\xef\xbb\xbf' + H + b'1,T,fine\n')
w('nul-after-the-head.csv', H + b'1,T,' + b'x' * 5000 + b'\n2,T,nul \x00 here\n')
# sizes
w('empty.csv', b'')
w('header-only.csv', b'id,title,text')
w('blank-lines-only.csv', H + b'\n' * 1000)
w('no-line-break-at-the-end.csv', H + b'1,T,last')
w('long-record.csv.gz', gz(H + b'1,T,short\n2,T,"' + b'long ' * 20000 + b'"\n3,T,after\n'))
w('long-line.jsonl.gz', gz(b'{"id":"1","text":"short"}\n{"id":"2","text":"' + b'long ' * 20000
                           + b'"}\n{"id":"3","text":"after"}\n'))
# JSON Lines
w('text-not-a-string.jsonl', b'{"id":"1","text":42}\n{"id":"2","text":true}\n{"id":"3","text":"fine"}\n'
  + b'{"id":"4","title":7,"text":"x"}\n')
w('mistyped-field.jsonl', b'{"id":"1","content_original":"a"}\n{"id":"2","content_original":"b"}\n')
w('not-objects.jsonl', b'[1,2]\n"text"\n42\nnull\n{"id":"5","text":"fine"}\n{"id":"6","text":"two"} {}\n{broken\n')
w('deep-nesting.jsonl', b'{"id":"1","x":' + b'[' * 5000 + b']' * 5000 + b',"text":"after a deep field"}\n'
  + b'{"id":"2","text":"fine"}\n')
# gzip
body = H + b''.join(b'%d,T,"body %d, with a comma\nand a line"\n' % (i, i) for i in range(1, 2000))
full = gz(body)
w('truncated.csv.gz', full[:len(full) // 2])
w('corrupt.csv.gz', full[:200] + bytes((b ^ 0x5a) for b in full[200:260]) + full[260:])
w('not-gzip.csv.gz', b'\x1f\x8b\x01\x02not gzip at all')
w('two-members.csv.gz', gz(H + b'1,T,first member\n') + gz(b'2,T,second member\n'))
w('gzip-in-gzip.csv.gz', gz(gz(body)))
w('bomb-of-line-breaks.csv.gz', gz(H + b'\n' * (16 << 20)))
w('bomb-of-one-line.jsonl.gz', gz(b'{"id":"1","text":"' + b'a' * (24 << 20)))
