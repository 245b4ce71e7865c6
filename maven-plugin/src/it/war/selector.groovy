// runs this IT only once the stages it needs are implemented (see src/it/stages-ready.groovy)
return evaluate(new File(itSources, 'stages-ready.groovy'))
