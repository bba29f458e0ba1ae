"""The program editor: a facilitator changes the program in the browser.

Every change is made to the program file's own data (program.editor.programdata), written
out as a program file and read back with the import's parser and checks
(program.programfile.parse), then saved in place with the import (program.programimport):
one parser, one validator, one writer for the file and the browser.
"""
