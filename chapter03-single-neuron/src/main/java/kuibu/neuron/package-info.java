/** This chapter is being written: see the course plan in the top-level README. */
package kuibu.neuron;
